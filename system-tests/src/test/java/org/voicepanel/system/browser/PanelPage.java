package org.voicepanel.system.browser;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The panel's pages as a person uses them: by labels, buttons and the sentences shown. Every step
 * waits for what the page shows when it is done, never for a fixed time.
 */
final class PanelPage {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    PanelPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    WebDriverWait await() {
        return wait;
    }

    void open(String page) {
        driver.get(baseUrl + "/" + page);
    }

    /** Logs in on the start page and waits for the list of services. */
    void logIn(String name, String password) {
        open("index.html");
        submitLogin(name, password);
        wait.until(visibilityOfElementLocated(By.id("services")));
    }

    void submitLogin(String name, String password) {
        WebElement nameField = wait.until(visibilityOfElementLocated(By.id("login-name")));
        nameField.clear();
        nameField.sendKeys(name);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    void logOut() {
        driver.findElement(By.id("logout")).click();
        wait.until(visibilityOfElementLocated(By.id("login")));
    }

    /** The services listed on the start page, once each shows its status. */
    List<String> services() {
        wait.until(d -> d.findElements(By.cssSelector("#service-table tbody td[data-label=Status]")).stream()
                .noneMatch(cell -> cell.getText().startsWith("checking")));
        return driver.findElements(By.cssSelector("#service-table tbody tr")).stream()
                .map(row -> row.getText().replace('\n', ' ')).toList();
    }

    /** Opens the backups page of a service and waits until it has shown the list, or why not. */
    void openBackups(long serviceId) {
        open("service.html?id=" + serviceId);
        wait.until(d -> shown("backups") || shown("error") || shown("unsupported"));
    }

    long createSnapshot() {
        List<Long> before = snapshotIds();
        runOperation(() -> driver.findElement(By.id("create")).click());
        return newSnapshot(before);
    }

    /** Clicks Create and returns at once, while the operation still runs. */
    void startCreating() {
        driver.findElement(By.id("create")).click();
    }

    /** Chooses a file with the file picker and waits until the upload has ended. */
    long upload(Path file) {
        List<Long> before = snapshotIds();
        runOperation(() -> driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString()));
        return newSnapshot(before);
    }

    /** Drops a file made of these bytes on the drop zone, as a drag from the desktop would. */
    void dropFile(String name, byte[] content) {
        runOperation(() -> ((JavascriptExecutor) driver).executeScript("""
                const [zoneId, name, base64] = arguments;
                const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], name, { type: 'application/octet-stream' }));
                const zone = document.getElementById(zoneId);
                for (const type of ['dragenter', 'dragover', 'drop']) {
                  zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
                }""", "drop-zone", name, Base64.getEncoder().encodeToString(content)));
    }

    /** Clicks Download and waits for the finished file in the browser's download folder. */
    Path download(long snapshotId, Path downloads) throws IOException {
        runOperation(() -> button("Download", snapshotId).click());
        wait.until(d -> finishedDownload(downloads).isPresent());
        return finishedDownload(downloads).orElseThrow();
    }

    /** Clicks Restore, reads the question, confirms it, and waits for the end; returns the question. */
    String restore(long snapshotId) {
        return confirmed("Restore", snapshotId);
    }

    String delete(long snapshotId) {
        return confirmed("Delete", snapshotId);
    }

    List<Long> snapshotIds() {
        return driver.findElements(By.cssSelector("#snapshot-table tbody tr")).stream()
                .map(row -> Long.parseLong(row.getAttribute("data-snapshot-id"))).toList();
    }

    /** Clicks Pin (or Unpin) of a snapshot and waits until the list is shown again. */
    void togglePin(long snapshotId, String action) {
        runOperation(() -> button(action, snapshotId).click());
    }

    /** Gives a snapshot a label through the label dialog. */
    void label(long snapshotId, String label) {
        int before = finishedOperations();
        button("Label", snapshotId).click();
        WebElement field = wait.until(visibilityOfElementLocated(By.id("label-text")));
        field.clear();
        field.sendKeys(label);
        driver.findElement(By.id("label-save")).click();
        awaitFinishedOperations(before + 1);
    }

    /** Whether a snapshot's Pin button shows it pinned (aria-pressed). */
    boolean pinned(long snapshotId) {
        return driver.findElement(By.cssSelector("#snapshot-table tr[data-snapshot-id='" + snapshotId + "'] button.pin"))
                .getAttribute("aria-pressed").equals("true");
    }

    /** Picks an option of a select by its value. */
    void choose(String selectId, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(selectId))).selectByValue(value);
    }

    /** Saves the schedule form and waits until the page has shown the answer. */
    void saveSchedule() {
        runOperation(() -> driver.findElement(By.id("schedule-save")).click());
    }

    /** The cells of one snapshot's row, by column label: Created, Size, Origin, Created by. */
    String cell(long snapshotId, String label) {
        return driver.findElement(By.cssSelector(
                "#snapshot-table tr[data-snapshot-id='" + snapshotId + "'] td[data-label='" + label + "']")).getText();
    }

    /** The rows of a table, each as the text a person reads in it. */
    List<String> rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(row -> row.getText().replace('\n', ' ')).toList();
    }

    void fill(String fieldId, String text) {
        WebElement field = wait.until(visibilityOfElementLocated(By.id(fieldId)));
        field.clear();
        field.sendKeys(text);
    }

    void click(String cssSelector) {
        wait.until(elementToBeClickable(By.cssSelector(cssSelector))).click();
    }

    String error() {
        return text("error");
    }

    String success() {
        return text("success");
    }

    String text(String id) {
        WebElement element = driver.findElement(By.id(id));
        return element.isDisplayed() ? element.getText() : "";
    }

    boolean shown(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    boolean enabled(String id) {
        return driver.findElement(By.id(id)).isEnabled();
    }

    /** How many operations the backups page has finished (it counts them on body[data-finished]). */
    int finishedOperations() {
        String value = driver.findElement(By.tagName("body")).getAttribute("data-finished");
        return value == null ? 0 : Integer.parseInt(value);
    }

    void awaitFinishedOperations(int count) {
        wait.until(d -> finishedOperations() >= count);
    }

    private String confirmed(String action, long snapshotId) {
        int before = finishedOperations();
        button(action, snapshotId).click();
        WebElement dialog = wait.until(visibilityOfElementLocated(By.id("confirm")));
        String question = dialog.findElement(By.id("confirm-text")).getText();
        wait.until(elementToBeClickable(By.id("confirm-ok"))).click();
        awaitFinishedOperations(before + 1);
        return question;
    }

    private void runOperation(Runnable start) {
        int before = finishedOperations();
        start.run();
        awaitFinishedOperations(before + 1);
    }

    private WebElement button(String action, long snapshotId) {
        return wait.until(elementToBeClickable(By.cssSelector(
                "button[aria-label='" + action + " snapshot " + snapshotId + "']")));
    }

    private long newSnapshot(List<Long> before) {
        return snapshotIds().stream().filter(id -> !before.contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no new snapshot listed; the page says: " + error()));
    }

    private static Optional<Path> finishedDownload(Path downloads) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload"))
                    .filter(file -> !file.getFileName().toString().startsWith(".")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
