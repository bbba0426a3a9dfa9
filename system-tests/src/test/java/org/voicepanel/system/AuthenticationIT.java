package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.system.BadInputIT.assertError;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voicepanel.system.PanelApi.Answer;
import org.voicepanel.system.PanelApi.Customer;
import org.voicepanel.system.PanelApi.Grant;
import org.voicepanel.teamspeak.simulator.ServerQuerySimulator;

/**
 * Who may do what: missing, malformed, revoked and other users' tokens, attempts to gain roles,
 * and the web page's login at the HTTP level (CSRF, session fixation, another user's service by
 * URL). Nobody is let in, every refusal is the contract's envelope, and no token or query password
 * ever shows up in a response or in the panel's log.
 */
class AuthenticationIT {

    private static final String READ = "ROLE_WEBINTERFACE_BACKUPS_READ";
    private static final String WRITE = "ROLE_WEBINTERFACE_BACKUPS_WRITE";

    private static ServerQuerySimulator simulator;
    private static PanelProcess panel;
    private static PanelApi api;
    private static Customer kim;
    private static Customer lou;
    private static long kimSnapshot;
    /** Every secret this class handles, to look for in the log at the end. */
    private static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        simulator = ServerQuerySimulator.start(0);
        simulator.virtualServer(2);
        simulator.virtualServer(3);
        panel = PanelProcess.start("auth", "--panel.plugins.teamspeak.flood-rate=unlimited");
        api = new PanelApi(panel.baseUrl());
        kim = api.customer("kim", simulator.port(), 10, 1);
        lou = api.customer("lou", simulator.port(), 10, 2);
        secrets.addAll(List.of(kim.token(), lou.token(), PanelProcess.ADMIN_TOKEN, "kim-password", "lou-password"));
        kimSnapshot = created(api.post(kim.backups(), kim.token()));
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel, simulator);
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void everyRouteWithoutATokenIs401() throws IOException {
        for (Answer answer : List.of(
                api.get(kim.backups(), null),
                api.get("/services/" + kim.serviceId() + "/voiceservers", null),
                api.post(kim.backups(), null),
                api.postBytes(kim.backups() + "/upload", null, new byte[] {1, 2, 3}, "application/octet-stream"),
                api.get(kim.backups() + "/" + kimSnapshot, null),
                api.delete(kim.backups() + "/" + kimSnapshot, null),
                api.post(kim.backups() + "/" + kimSnapshot + "/restore", null),
                api.get("/services", null),
                api.get("/admin/users", null),
                api.postJson("/admin/users", null, Map.of("name", "intruder")))) {
            assertError(answer, 401, "UNAUTHENTICATED", answer.response().request().method() + " "
                    + answer.response().request().uri().getPath());
        }
        assertThat(simulator.receivedLines()).isEmpty();
    }

    @Test
    void malformedTokensAre401AndNeverAnError() throws IOException {
        List<String[]> headers = List.of(
                new String[] {"Authorization", "Bearer"},
                new String[] {"Authorization", "Bearer    "},
                new String[] {"Authorization", "Basic a2ltOmtpbS1wYXNzd29yZA=="},
                new String[] {"Authorization", "Token " + kim.token()},
                new String[] {"Authorization", "Bearer " + kim.token() + "x"},
                new String[] {"Authorization", "Bearer " + kim.token().substring(1)},
                new String[] {"Authorization", "Bearer " + "A".repeat(6000)},
                new String[] {"Authorization", "Bearer ' OR '1'='1"},
                new String[] {"Authorization", "Bearer \u00e4\u00f6\u00fc"});
        for (String[] header : headers) {
            Answer answer = api.get(kim.backups(), null, header);
            assertError(answer, 401, "UNAUTHENTICATED", masked(header[0] + ": " + header[1]));
        }
        for (String query : List.of("access_token=", "access_token=%00", "access_token=" + URLEncoder.encode(
                kim.token() + "\n", StandardCharsets.UTF_8), "access_token=%ZZ", "access_token=%E0%A4%A")) {
            // sent as raw bytes: a Java URI would refuse the broken escapes before they left
            Answer answer = api.rawGet(kim.backups() + "?" + query);
            assertError(answer, 401, "UNAUTHENTICATED", masked(query));
        }
        assertThat(api.get(kim.backups() + "?access_token=" + kim.token(), null).status()).isEqualTo(200);
    }

    @Test
    void revokedTokenIsRefusedAtOnceEverywhere() throws IOException {
        Grant grant = api.grant(kim.userId(), List.of(READ, WRITE));
        secrets.add(grant.token());
        assertThat(api.get(kim.backups(), grant.token()).status()).isEqualTo(200);

        assertThat(api.delete("/admin/tokens/" + grant.id(), PanelProcess.ADMIN_TOKEN).status()).isEqualTo(200);

        assertError(api.get(kim.backups(), grant.token()), 401, "UNAUTHENTICATED", "revoked, header");
        assertError(api.get(kim.backups() + "?access_token=" + grant.token(), null), 401, "UNAUTHENTICATED",
                "revoked, query");
        assertError(api.post(kim.backups(), grant.token()), 401, "UNAUTHENTICATED", "revoked, write");
        assertThat(simulator.commandCount("serversnapshotcreate")).isZero();
    }

    @Test
    void anotherUsersTokenFindsNothingOfTheirsAndChangesNothing() throws IOException {
        SnapshotLedger kimsBefore = SnapshotLedger.of(api, kim);
        String lous = lou.token();
        byte[] file = api.get(kim.backups() + "/" + kimSnapshot, kim.token(), "Accept", "application/octet-stream").body();

        assertError(api.get(kim.backups(), lous), 404, "SERVICE_NOT_FOUND", "list");
        assertError(api.get("/services/" + kim.serviceId(), lous), 404, "SERVICE_NOT_FOUND", "service");
        assertError(api.get("/services/" + kim.serviceId() + "/voiceservers", lous), 404, "SERVICE_NOT_FOUND", "overview");
        assertError(api.get(kim.backups() + "/" + kimSnapshot, lous), 404, "SERVICE_NOT_FOUND", "download");
        assertError(api.post(kim.backups(), lous), 404, "SERVICE_NOT_FOUND", "create");
        assertError(api.postBytes(kim.backups() + "/upload", lous, file, "application/octet-stream"), 404,
                "SERVICE_NOT_FOUND", "upload");
        assertError(api.post(kim.backups() + "/" + kimSnapshot + "/restore", lous), 404, "SERVICE_NOT_FOUND", "restore");
        assertError(api.delete(kim.backups() + "/" + kimSnapshot, lous), 404, "SERVICE_NOT_FOUND", "delete");
        assertThat(api.get("/services", lous).data().path("services").toString()).doesNotContain("kim");

        kimsBefore.assertUnchanged(api, kim);
        assertThat(simulator.receivedLines()).isEmpty();
    }

    @Test
    void rolesCannotBeWidened() throws IOException {
        Grant readOnly = api.grant(kim.userId(), List.of(READ));
        Grant writeOnly = api.grant(kim.userId(), List.of(WRITE));
        secrets.addAll(List.of(readOnly.token(), writeOnly.token()));
        String user = kim.token();

        // a customer's token reaches none of the admin routes
        assertError(api.get("/admin/users", user), 403, "FORBIDDEN", "list users");
        assertError(api.postJson("/admin/users", user, Map.of("name", "mallory")), 403, "FORBIDDEN", "create user");
        assertError(api.postJson("/admin/users/" + kim.userId() + "/tokens", user,
                Map.of("roles", List.of("ROLE_ADMIN"))), 403, "FORBIDDEN", "mint an admin token");
        assertError(api.delete("/admin/tokens/" + readOnly.id(), user), 403, "FORBIDDEN", "revoke a token");
        assertError(api.get("/admin/plugins", user), 403, "FORBIDDEN", "plugins");
        assertError(api.get("/admin/services", user), 403, "FORBIDDEN", "all services");
        assertError(api.putJson("/admin/services/" + kim.serviceId(), user, Map.of("owner_user_id", kim.userId(),
                "name", "mine", "voiceserver", Map.of("type", "teamspeak3", "host", "127.0.0.1", "query_port", 1,
                        "query_username", "serveradmin", "virtual_server_id", 1, "slots", 5000))), 403, "FORBIDDEN",
                "raise own slots");
        // an unknown role cannot be minted even by an admin
        assertError(api.postJson("/admin/users/" + kim.userId() + "/tokens", PanelProcess.ADMIN_TOKEN,
                Map.of("roles", List.of("ROLE_SUPERUSER"))), 400, "BAD_REQUEST", "unknown role");

        // a read token cannot write, a write token cannot read
        assertError(api.post(kim.backups(), readOnly.token()), 403, "FORBIDDEN", "create with READ");
        assertError(api.post(kim.backups() + "/" + kimSnapshot + "/restore", readOnly.token()), 403, "FORBIDDEN",
                "restore with READ");
        assertError(api.delete(kim.backups() + "/" + kimSnapshot, readOnly.token()), 403, "FORBIDDEN",
                "delete with READ");
        assertError(api.postBytes(kim.backups() + "/upload", readOnly.token(), new byte[] {1}, "application/octet-stream"),
                403, "FORBIDDEN", "upload with READ");
        assertError(api.get(kim.backups(), writeOnly.token()), 403, "FORBIDDEN", "list with WRITE");
        assertError(api.get(kim.backups() + "/" + kimSnapshot, writeOnly.token()), 403, "FORBIDDEN",
                "download with WRITE");
        assertThat(api.get("/admin/services", PanelProcess.ADMIN_TOKEN).data().toString()).doesNotContain("5000");
        assertThat(simulator.receivedLines()).isEmpty();
    }

    @Test
    void tokensAndQueryPasswordsNeverAppearInAnswersOrTheLog() throws IOException {
        String queryPassword = "q-" + UUID.randomUUID();
        String wrongPassword = "wrong-" + UUID.randomUUID();
        secrets.addAll(List.of(queryPassword, wrongPassword));
        simulator.withLogin("serveradmin", queryPassword);
        try {
            Answer service = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                    "owner_user_id", kim.userId(), "name", "kim's second", "voiceserver", Map.of(
                            "type", "teamspeak3", "host", "127.0.0.1", "query_port", simulator.port(),
                            "query_username", "serveradmin", "query_password", queryPassword,
                            "virtual_server_id", 3, "slots", 10)));
            Answer wrong = api.postJson("/admin/services", PanelProcess.ADMIN_TOKEN, Map.of(
                    "owner_user_id", kim.userId(), "name", "kim's third", "voiceserver", Map.of(
                            "type", "teamspeak3", "host", "127.0.0.1", "query_port", simulator.port(),
                            "query_username", "serveradmin", "query_password", wrongPassword,
                            "virtual_server_id", 3, "slots", 10)));
            long serviceId = service.data().path("service").path("id").asLong();
            String base = "/services/" + serviceId + "/voiceservers";
            String wrongBase = "/services/" + wrong.data().path("service").path("id").asLong() + "/voiceservers";
            Grant grant = api.grant(kim.userId(), List.of(READ, WRITE));
            secrets.add(grant.token());

            List<Answer> answers = new ArrayList<>(List.of(service, wrong,
                    api.get("/services", kim.token()),
                    api.get("/services/" + serviceId, kim.token()),
                    api.get("/admin/services", PanelProcess.ADMIN_TOKEN),
                    api.get(base, kim.token()),
                    api.post(base + "/backup", kim.token()),
                    api.get(base + "/backup", kim.token()),
                    api.post(wrongBase + "/backup", kim.token()),
                    api.get(wrongBase, kim.token()),
                    api.get("/admin/users/" + kim.userId() + "/tokens", PanelProcess.ADMIN_TOKEN),
                    api.get(kim.backups() + "?access_token=" + grant.token(), null),
                    api.get(kim.backups(), grant.token() + "-not")));
            assertThat(answers.get(6).status()).as(answers.get(6).toString()).isEqualTo(201);
            Answer refusedLogin = answers.get(8);
            assertThat(refusedLogin.status()).as(refusedLogin.toString()).isEqualTo(502);
            assertThat(refusedLogin.json().path("message").asString()).contains("520");

            for (Answer answer : answers) {
                String body = new String(answer.body(), StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    assertThat(body).as("an answer shows a secret").doesNotContain(secret);
                }
            }
            String log = panel.output();
            for (String secret : secrets) {
                assertThat(log).as("the log shows a secret").doesNotContain(secret);
            }
        } finally {
            simulator.withLogin("serveradmin", "secret");
        }
    }

    @Test
    void webLoginNeedsTheCsrfHeaderAndSoDoesEveryChangeItMakes() throws IOException {
        BrowserSession browser = new BrowserSession(panel.baseUrl());
        browser.open();
        assertThat(browser.cookie(BrowserSession.CSRF_COOKIE)).as("the page's CSRF cookie").isPresent();

        Answer forgedLogin = browser.send("POST", "/session", json(Map.of("name", "kim", "password", "kim-password")),
                false);
        assertError(forgedLogin, 403, "FORBIDDEN", "login without the CSRF header");
        assertThat(browser.cookie("SESSION")).isEmpty();

        Answer login = browser.logIn("kim", "kim-password");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(browser.lastSetCookies()).filteredOn(cookie -> cookie.startsWith("SESSION="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase(
                        "SameSite=Strict"));

        String backups = "/services/" + kim.serviceId() + "/voiceservers/backup";
        Answer forgedCreate = browser.send("POST", backups, null, false);
        Answer forgedDelete = browser.send("DELETE", backups + "/" + kimSnapshot, null, false);
        Answer guessedHeader = browser.send("POST", backups, null, "guessed-" + UUID.randomUUID());
        assertError(forgedCreate, 403, "FORBIDDEN", "create without the CSRF header");
        assertError(forgedDelete, 403, "FORBIDDEN", "delete without the CSRF header");
        assertError(guessedHeader, 403, "FORBIDDEN", "create with a guessed CSRF header");
        assertThat(simulator.commandCount("serversnapshotcreate")).isZero();
        assertThat(api.get(kim.backups() + "/" + kimSnapshot, kim.token()).status()).isEqualTo(200);

        Answer genuine = browser.send("POST", backups, null, true);
        assertThat(genuine.status()).as(genuine.toString()).isEqualTo(201);
        long made = genuine.data().path("snapshot").path("id").asLong();
        assertThat(browser.send("DELETE", backups + "/" + made, null, true).status()).isEqualTo(200);
    }

    @Test
    void sessionIdChangesAtLoginSoAPlantedSessionIsWorthless() throws IOException {
        // mallory logs in herself, then plants her session cookie in kim's browser
        api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "mallory", "password", "mallory-pass"));
        secrets.add("mallory-pass");
        BrowserSession mallory = new BrowserSession(panel.baseUrl());
        assertThat(mallory.logIn("mallory", "mallory-pass").status()).isEqualTo(200);
        String planted = mallory.cookie("SESSION").orElseThrow();

        BrowserSession victim = new BrowserSession(panel.baseUrl());
        victim.open();
        victim.plant("SESSION", planted);
        assertThat(victim.logIn("kim", "kim-password").status()).isEqualTo(200);

        assertThat(victim.cookie("SESSION")).isPresent().get().isNotEqualTo(planted);
        BrowserSession attacker = new BrowserSession(panel.baseUrl());
        attacker.plant("SESSION", planted);
        // the planted id died with the login: it is nobody's session now, neither kim's nor mallory's
        assertError(attacker.get("/session"), 401, "UNAUTHENTICATED", "the planted session after kim's login");
        assertError(attacker.get("/services/" + kim.serviceId() + "/voiceservers/backup"), 401, "UNAUTHENTICATED",
                "kim's backups with the planted session");

        // an id the attacker makes up is not adopted either
        BrowserSession invented = new BrowserSession(panel.baseUrl());
        invented.open();
        invented.plant("SESSION", "YXR0YWNrZXItY2hvc2Vu");
        assertThat(invented.logIn("kim", "kim-password").status()).isEqualTo(200);
        assertThat(invented.cookie("SESSION")).isPresent().get().isNotEqualTo("YXR0YWNrZXItY2hvc2Vu");
    }

    @Test
    void loggedInUserReachesOnlyTheirOwnServicesAndNoAdminRoute() throws IOException {
        BrowserSession browser = new BrowserSession(panel.baseUrl());
        assertThat(browser.logIn("lou", "lou-password").status()).isEqualTo(200);

        assertError(browser.get("/services/" + kim.serviceId() + "/voiceservers/backup"), 404, "SERVICE_NOT_FOUND",
                "kim's list by URL");
        assertError(browser.get("/services/" + kim.serviceId() + "/voiceservers/backup/" + kimSnapshot), 404,
                "SERVICE_NOT_FOUND", "kim's file by URL");
        assertError(browser.send("POST", "/services/" + kim.serviceId() + "/voiceservers/backup/" + kimSnapshot
                + "/restore", null, true), 404, "SERVICE_NOT_FOUND", "kim's restore by URL");
        assertError(browser.get("/admin/users"), 403, "FORBIDDEN", "admin route");
        assertThat(browser.get("/services/" + lou.serviceId() + "/voiceservers/backup").status()).isEqualTo(200);

        assertThat(browser.send("DELETE", "/session", null, true).status()).isEqualTo(200);
        assertError(browser.get("/services/" + lou.serviceId() + "/voiceservers/backup"), 401, "UNAUTHENTICATED",
                "after logout");
        assertThat(simulator.deployCount()).isZero();
    }

    @Test
    void wrongPasswordsGetOneAnswerWhetherTheUserExistsOrNot() throws IOException {
        BrowserSession browser = new BrowserSession(panel.baseUrl());
        Answer wrongPassword = browser.logIn("kim", "not-kims-password");
        Answer noSuchUser = browser.logIn("nobody-" + UUID.randomUUID(), "not-kims-password");
        Answer tooLong = browser.logIn("kim", "x".repeat(100));

        for (Answer answer : List.of(wrongPassword, noSuchUser, tooLong)) {
            assertError(answer, 401, "UNAUTHENTICATED", "failed login");
        }
        assertThat(wrongPassword.json().path("message")).isEqualTo(noSuchUser.json().path("message"));
        assertThat(browser.cookie("SESSION")).isEmpty();
    }

    /** What the test prints of a credential: never the token itself, even a test's. */
    private static String masked(String text) {
        String shown = text.replace(kim.token().substring(1), "<kim's token>");
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }

    private static String json(Object value) {
        return PanelApi.JSON.writeValueAsString(value);
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.data().path("snapshot").path("id").asLong();
    }
}
