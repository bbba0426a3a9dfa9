package org.voicepanel.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.voicepanel.system.PanelApi;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.PanelProcess;
import org.voicepanel.system.Resources;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;
import tools.jackson.databind.JsonNode;

/**
 * The admin page (replies where the person looks, a phone's width, deleting users and services, a new token's
 * roles) and what every list shows: times to the second with their zone, a sentence instead of an empty table,
 * and the upload limit in the 413 sentence. One panel, with a 1 MiB upload limit, for all of them.
 */
class AdminPageIT {

    private static final Path BUILD_DIR = Path.of(System.getProperty("panel.build.dir", "target"));
    private static final String ADMIN_PASSWORD = "admin-page-password";

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;

    private Chromium chromium;
    private PanelPage page;

    @BeforeAll
    static void startPanel() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        panel = PanelProcess.start("admin-page", "--panel.upload-max-bytes=1048576");
        api = new PanelApi(panel.baseUrl());
        PanelApi.Answer set = api.putJson("/admin/users/1/password", PanelProcess.ADMIN_TOKEN,
                Map.of("password", ADMIN_PASSWORD));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stopPanel() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        simulator.reset();
        Path workDir = Files.createTempDirectory(Files.createDirectories(BUILD_DIR.resolve("browser")),
                test.getTestMethod().orElseThrow().getName() + "-");
        chromium = Chromium.start(workDir);
        page = new PanelPage(chromium.driver(), panel.baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void replyToCreatingAServiceShowsBesideTheFormInView() throws IOException {
        long owner = newUser("grace");
        openAdmin();

        choose("service-owner", "grace (" + owner + ")");
        page.fill("service-name", "grace's server");
        choose("service-type", "teamspeak3");
        page.fill("service-field-query_port", "10011");
        page.fill("service-field-query_username", "serveradmin");
        page.fill("service-field-query_password", "secret");
        page.fill("service-field-virtual_server_id", "1");
        page.click("#service-submit");
        page.await().until(d -> page.success().startsWith("Service "));

        assertThat(page.success()).matches("Service \\d+ was created\\.");
        assertThat(script("return document.getElementById('service-form').nextElementSibling.id")).isEqualTo("messages");
        assertThat(inView("success")).isTrue();
    }

    @Test
    void mumbleServiceIsCreatedAndEditedWithTheFieldsItsPluginDeclares() throws IOException {
        String secret = "ice-secret-from-the-page";
        long owner = newUser("mallory");
        openAdmin();

        choose("service-owner", "mallory (" + owner + ")");
        page.fill("service-name", "mallory's mumble");
        choose("service-type", "mumble");
        page.await().until(d -> !d.findElements(By.id("service-field-ice_port")).isEmpty());
        WebElement secretInput = driver().findElement(By.id("service-field-ice_secret"));
        assertThat(driver().findElements(By.id("service-field-query_port"))).isEmpty();
        assertThat(secretInput.getAttribute("type")).isEqualTo("password");
        assertThat(secretInput.getAttribute("required")).as("optional for mumble").isNull();
        assertThat(driver().findElement(By.id("service-field-ice_port")).getAttribute("max")).isEqualTo("65535");
        page.fill("service-field-ice_port", "6502");
        page.fill("service-field-ice_secret", secret);
        page.fill("service-field-virtual_server_id", "3");
        page.click("#service-submit");
        page.await().until(d -> page.success().startsWith("Service ") || !page.error().isEmpty());

        assertThat(page.error()).isEmpty();
        long serviceId = Long.parseLong(page.success().replaceAll("\\D", ""));
        JsonNode voiceserver = adminService(serviceId).path("voiceserver");
        assertThat(voiceserver.path("type").asString()).isEqualTo("mumble");
        assertThat(voiceserver.path("ice_port").asInt()).isEqualTo(6502);
        assertThat(voiceserver.path("virtual_server_id").asInt()).isEqualTo(3);
        assertThat(voiceserver.has("ice_secret")).isFalse();
        page.await().until(d -> page.rows("service-table").stream().anyMatch(row -> row.contains("mallory's mumble")));
        assertThat(page.rows("service-table")).filteredOn(row -> row.contains("mallory's mumble")).singleElement()
                .satisfies(row -> assertThat(row).contains("mumble", "ice_port 6502").doesNotContain(secret));

        page.click("button[aria-label=\"Edit service mallory's mumble\"]");
        page.await().until(d -> "6502".equals(d.findElement(By.id("service-field-ice_port")).getAttribute("value")));
        assertThat(new Select(driver().findElement(By.id("service-type"))).getFirstSelectedOption().getText())
                .isEqualTo("mumble");
        assertThat(driver().findElement(By.id("service-field-ice_secret")).getAttribute("value")).isEmpty();
        page.fill("service-field-virtual_server_id", "4");
        page.click("#service-submit");
        page.await().until(d -> page.success().endsWith("was saved."));

        assertThat(adminService(serviceId).path("voiceserver").path("virtual_server_id").asInt()).isEqualTo(4);
        assertThat(driver().getPageSource()).doesNotContain(secret);
    }

    @Test
    void adminPageFitsAPhoneWithLongRoleNames() throws IOException {
        long user = newUser("heidi-with-a-rather-long-user-name");
        api.token(user, List.of("ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE", "ROLE_ADMIN"));
        chromium.emulatePhone();
        openAdmin();
        choose("token-user", "heidi-with-a-rather-long-user-name (" + user + ")");
        // read in one script: the rows are drawn anew when the list loads
        page.await().until(d -> (Boolean) script(
                "return document.querySelector('#token-table tbody').textContent.includes('ROLE_ADMIN')"));

        assertThat(script("return window.innerWidth")).isEqualTo(390L);
        assertThat(script("return document.documentElement.scrollWidth")).isEqualTo(390L);
        assertThat(script("""
                return [...document.querySelectorAll('#token-table td')]
                    .filter((td) => td.getBoundingClientRect().right > window.innerWidth).length""")).isEqualTo(0L);
    }

    @Test
    void newTokenOffersBothBackupRolesButNotAdmin() throws IOException {
        openAdmin();

        List<String> checked = driver().findElements(By.cssSelector("#token-form input[name=role]:checked")).stream()
                .map(box -> box.getAttribute("value")).toList();

        assertThat(checked).containsExactly("ROLE_WEBINTERFACE_BACKUPS_READ", "ROLE_WEBINTERFACE_BACKUPS_WRITE");
    }

    @Test
    void deletingAUserAsksFirstAndEndsTheirTokens() throws IOException {
        long ivan = newUser("ivan");
        String token = api.token(ivan, List.of("ROLE_WEBINTERFACE_BACKUPS_READ"));
        Customer judy = api.customer("judy", simulator.port(), 8);
        openAdmin();

        String refused = confirm("Delete user judy", "Delete user");
        assertThat(refused).contains("still owns services");
        page.await().until(d -> !page.error().isEmpty());
        assertThat(page.error()).isEqualTo("judy still owns services; delete them or give them to another user first.");
        assertThat(api.get("/services", judy.token()).status()).isEqualTo(200);

        String question = confirm("Delete user ivan", "Delete user");
        assertThat(question).contains("access tokens stop working");
        page.await().until(d -> page.success().startsWith("User ivan"));
        assertThat(page.success()).isEqualTo("User ivan has been deleted; their access tokens no longer work.");
        assertThat(inView("success")).isTrue();
        assertThat(page.rows("user-table")).noneMatch(row -> row.contains("ivan"));
        assertThat(api.get("/services", token).status()).isEqualTo(401);
        assertThat(api.get("/admin/users/" + ivan + "/tokens", PanelProcess.ADMIN_TOKEN).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void deletingAServiceSaysItsSnapshotsGoWithIt() throws IOException {
        Customer kim = api.customer("kim", simulator.port(), 8);
        api.post(kim.backups(), kim.token());
        api.post(kim.backups(), kim.token());
        openAdmin();

        String question = confirm("Delete service kim's server", "Delete service");

        assertThat(question).contains("All its snapshots are deleted with it");
        page.await().until(d -> !page.success().isEmpty() || !page.error().isEmpty());
        assertThat(page.success()).isEqualTo("Service " + kim.serviceId() + " has been deleted, with its 2 snapshots.");
        assertThat(page.rows("service-table")).noneMatch(row -> row.contains("kim's server"));
        assertThat(api.get(kim.backups(), kim.token()).code()).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(api.delete("/admin/services/" + kim.serviceId(), PanelProcess.ADMIN_TOKEN).code())
                .isEqualTo("SERVICE_NOT_FOUND");
    }

    @Test
    void snapshotTimesShowSecondsAndTheZone() throws IOException {
        Customer lena = api.customer("lena", simulator.port(), 8);
        long snapshot = api.post(lena.backups(), lena.token()).data().path("snapshot").path("id").asLong();
        page.logIn("lena", "lena-password");
        page.openBackups(lena.serviceId());

        // e.g. "Dec 1, 2026, 8:02:03 PM UTC": the seconds, then the zone
        assertThat(page.cell(snapshot, "Created")).matches(".*\\d:\\d\\d:\\d\\d(\\h[AP]M)?\\h\\S+");
    }

    @Test
    void emptyListsShowASentenceAndNoTableHeader() throws IOException {
        long mia = newUser("mia");
        Customer nora = api.customer("nora", simulator.port(), 8);

        page.logIn("mia", "mia-password");
        assertThat(page.shown("no-services")).isTrue();
        assertThat(page.shown("service-table")).isFalse();
        page.logOut();

        page.logIn("nora", "nora-password");
        page.openBackups(nora.serviceId());
        assertThat(page.shown("no-snapshots")).isTrue();
        assertThat(page.shown("snapshot-table")).isFalse();
        page.logOut();

        openAdmin();
        choose("token-user", "mia (" + mia + ")");
        page.await().until(d -> page.shown("no-tokens"));
        assertThat(page.shown("token-table")).isFalse();
    }

    @Test
    void tooLargeUploadNamesTheLimit() throws IOException {
        Customer olga = api.customer("olga", simulator.port(), 8);
        page.logIn("olga", "olga-password");
        page.openBackups(olga.serviceId());

        page.dropFile("too-large.vpsnap", new byte[1536 * 1024]);

        assertThat(page.error()).isEqualTo("The upload is larger than this panel accepts: at most 1 MiB.");
        assertThat(page.snapshotIds()).isEmpty();
    }

    private static JsonNode adminService(long serviceId) throws IOException {
        for (JsonNode service : api.get("/admin/services", PanelProcess.ADMIN_TOKEN).data().path("services")) {
            if (service.path("id").asLong() == serviceId) {
                return service;
            }
        }
        throw new AssertionError("no service " + serviceId);
    }

    private long newUser(String name) throws IOException {
        return api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", name, "password", name + "-password"))
                .data().path("user").path("id").asLong();
    }

    private void openAdmin() {
        page.logIn("admin", ADMIN_PASSWORD);
        page.open("admin.html");
        page.await().until(d -> page.shown("admin"));
    }

    private void choose(String selectId, String optionText) {
        new Select(driver().findElement(By.id(selectId))).selectByVisibleText(optionText);
    }

    /** Clicks the button with this accessible name, reads the question, confirms; returns the question. */
    private String confirm(String buttonName, String confirmLabel) {
        page.await().until(elementToBeClickable(By.cssSelector("button[aria-label=\"" + buttonName + "\"]"))).click();
        WebElement dialog = page.await().until(visibilityOfElementLocated(By.id("confirm")));
        String question = dialog.findElement(By.id("confirm-text")).getText();
        WebElement ok = page.await().until(elementToBeClickable(By.id("confirm-ok")));
        assertThat(ok.getText()).isEqualTo(confirmLabel);
        ok.click();
        return question;
    }

    /** Whether the element is shown within the window (to a pixel: a box may end at 900.4 in a 900 px window). */
    private boolean inView(String id) {
        String box = (String) script("""
                const box = document.getElementById(arguments[0]).getBoundingClientRect();
                return `${box.top} ${box.bottom} ${box.height} ${window.innerHeight}`""", id);
        String[] values = box.split(" ");
        double top = Double.parseDouble(values[0]);
        double bottom = Double.parseDouble(values[1]);
        double height = Double.parseDouble(values[2]);
        double window = Double.parseDouble(values[3]);
        boolean inView = height > 0 && top >= -1 && bottom <= window + 1;
        if (!inView) {
            System.out.println("#" + id + " is not in view: top, bottom, height, window height = " + box);
        }
        return inView;
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(code, args);
    }

    private WebDriver driver() {
        return chromium.driver();
    }
}
