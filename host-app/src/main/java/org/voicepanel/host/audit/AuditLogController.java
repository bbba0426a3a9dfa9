package org.voicepanel.host.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.service.ServiceAccess;
import org.voicepanel.host.web.ApiException;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.Ids;

/**
 * The service log of the original API ({@code GET /services/{id}/logs}) and the admin's view of
 * the whole audit trail ({@code GET /admin/logs}), both in its page shape (api.md, Service log).
 */
@RestController
class AuditLogController {

    private static final Pattern CATEGORY = Pattern.compile("[a-z]{1,16}");

    /** How long a read waits for the entries this instance has still to write: the caller's last action's among them. */
    private static final Duration QUEUED_WAIT = Duration.ofSeconds(2);

    private final AuditLog auditLog;
    private final AuditWriter writer;
    private final ServiceAccess access;

    AuditLogController(AuditLog auditLog, AuditWriter writer, ServiceAccess access) {
        this.auditLog = auditLog;
        this.writer = writer;
        this.access = access;
    }

    @GetMapping("/services/{id}/logs")
    Envelope serviceLog(Caller caller, @PathVariable String id, @RequestParam(required = false) String page) {
        caller.require(Role.LOGS_READ);
        long serviceId = access.owned(caller, id).id();
        return answer(read(new AuditLog.Filter(serviceId, null, null, null, null), page(page)));
    }

    @GetMapping("/admin/logs")
    Envelope panelLog(Caller caller, @RequestParam(required = false) String page,
                      @RequestParam(name = "service_id", required = false) String serviceId,
                      @RequestParam(name = "user_id", required = false) String userId,
                      @RequestParam(required = false) String category,
                      @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to) {
        caller.require(Role.ADMIN);
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw ApiException.badRequest("category must be a word such as backup or service.");
        }
        AuditLog.Filter filter = new AuditLog.Filter(
                serviceId == null ? null : Ids.parse(serviceId, "service_id"),
                userId == null ? null : Ids.parse(userId, "user_id"),
                category, instant(from, "from"), instant(to, "to"));
        return answer(read(filter, page(page)));
    }

    private AuditLog.Page read(AuditLog.Filter filter, int page) {
        try {
            writer.awaitQueued(QUEUED_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return auditLog.page(filter, page);
    }

    private static Envelope answer(AuditLog.Page page) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("current_page", page.page());
        data.put("logs_per_page", AuditLog.PAGE_SIZE);
        data.put("page_count", page.pageCount());
        data.put("log_count", page.total());
        data.put("logs", page.entries().stream().map(AuditLogController::view).toList());
        return Envelope.data(data);
    }

    private static Map<String, Object> view(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user", entry.userName());
        view.put("category", entry.category());
        view.put("message", entry.message());
        view.put("created_at", entry.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        view.put("id", entry.id());
        view.put("service_id", entry.serviceId());
        view.put("user_id", entry.userId());
        view.put("action", entry.action());
        view.put("result", entry.result());
        view.put("error_code", entry.errorCode());
        view.put("http_status", entry.httpStatus());
        view.put("snapshot_id", entry.snapshotId());
        view.put("client_address", entry.clientAddress());
        view.put("via", entry.via());
        view.put("duration_ms", entry.durationMs());
        return view;
    }

    private static int page(String raw) {
        if (raw == null) {
            return 1;
        }
        long page = Ids.parse(raw, "page");
        if (page > 1_000_000) {
            throw ApiException.badRequest("The page must be a positive integer up to 1000000.");
        }
        return (int) page;
    }

    private static Instant instant(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 time in UTC, such as 2026-11-23T23:31:08Z.");
        }
    }
}
