package org.voicepanel.host.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The actions the audit trail records, found by the route that ran them (method and path pattern),
 * each with its category and the sentence the log shows for it.
 */
enum AuditedAction {
    CREATE("backup", "POST", "/services/{id}/voiceservers/backup", "Snapshot %s created", "Creating a snapshot failed"),
    UPLOAD("backup", "POST", "/services/{id}/voiceservers/backup/upload", "Snapshot %s uploaded", "An upload failed"),
    DOWNLOAD("backup", "GET", "/services/{id}/voiceservers/backup/{snapshot}", "Snapshot %s downloaded",
            "Downloading snapshot %s failed"),
    DELETE("backup", "DELETE", "/services/{id}/voiceservers/backup/{snapshot}", "Snapshot %s deleted",
            "Deleting snapshot %s failed"),
    RESTORE("backup", "POST", "/services/{id}/voiceservers/backup/{snapshot}/restore", "Snapshot %s restored",
            "Restoring snapshot %s failed"),
    SERVICE_CREATE("service", "POST", "/admin/services", "Service created", "Creating the service failed"),
    SERVICE_UPDATE("service", "PUT", "/admin/services/{id}", "Service changed", "Changing the service failed"),
    SERVICE_STATUS("service", "PUT", "/admin/services/{id}/status", "Status set to %s", "Changing the status failed");

    private final String category;
    private final String method;
    private final String pattern;
    private final String success;
    private final String failure;

    AuditedAction(String category, String method, String pattern, String success, String failure) {
        this.category = category;
        this.method = method;
        this.pattern = pattern;
        this.success = success;
        this.failure = failure;
    }

    static Optional<AuditedAction> of(String method, String pattern) {
        return Arrays.stream(values()).filter(a -> a.method.equals(method) && a.pattern.equals(pattern)).findFirst();
    }

    String category() {
        return category;
    }

    String wireName() {
        return name().toLowerCase();
    }

    boolean isAdminChange() {
        return "service".equals(category);
    }

    /** The sentence for the log; {@code detail} fills a {@code %s} (a snapshot id or a status). */
    String message(boolean succeeded, String errorCode, Object detail) {
        String template = succeeded ? success : failure;
        String sentence = template.contains("%s") ? template.formatted(detail == null ? "?" : detail) : template;
        return succeeded ? sentence + "." : sentence + " (" + errorCode + ").";
    }
}
