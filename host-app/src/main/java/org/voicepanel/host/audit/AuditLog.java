package org.voicepanel.host.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.springframework.stereotype.Repository;

/** The audit trail in MariaDB: appended to, read newest first a page at a time, pruned by age. Thread-safe. */
@Repository
public class AuditLog {

    /** Entries per page, as in the original API. */
    public static final int PAGE_SIZE = 40;

    private static final String COLUMNS = "id, created_at, service_id, user_id, user_name, category, action, message,"
            + " result, error_code, http_status, snapshot_id, client_address, via, duration_ms";

    /** Which entries a reader asks for; a null field does not filter. */
    public record Filter(Long serviceId, Long userId, String category, Instant from, Instant to) {
    }

    /** One page of entries, newest first, and how many entries match in all. */
    public record Page(int page, long total, List<AuditEntry> entries) {

        public int pageCount() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Appends the entries, in order, with one statement. */
    void append(List<AuditEntry> entries) {
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String sql = "INSERT INTO audit_log (" + COLUMNS.substring("id, ".length()) + ") VALUES "
                + String.join(", ", Collections.nCopies(entries.size(), row));
        jdbi.useHandle(h -> {
            var insert = h.createUpdate(sql);
            int at = 0;
            for (AuditEntry entry : entries) {
                insert.bind(at++, utc(entry.createdAt())).bind(at++, entry.serviceId()).bind(at++, entry.userId())
                        .bind(at++, entry.userName()).bind(at++, entry.category()).bind(at++, entry.action())
                        .bind(at++, entry.message()).bind(at++, entry.result()).bind(at++, entry.errorCode())
                        .bind(at++, entry.httpStatus()).bind(at++, entry.snapshotId())
                        .bind(at++, entry.clientAddress()).bind(at++, entry.via()).bind(at++, entry.durationMs());
            }
            insert.execute();
        });
    }

    public Page page(Filter filter, int page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        condition(where, values, "service_id = ?", filter.serviceId());
        condition(where, values, "user_id = ?", filter.userId());
        condition(where, values, "category = ?", filter.category());
        condition(where, values, "created_at >= ?", filter.from() == null ? null : utc(filter.from()));
        condition(where, values, "created_at < ?", filter.to() == null ? null : utc(filter.to()));
        return jdbi.withHandle(h -> {
            long total = bind(h.createQuery("SELECT COUNT(*) FROM audit_log" + where), values)
                    .mapTo(Long.class).one();
            List<AuditEntry> entries = bind(h.createQuery("SELECT " + COLUMNS + " FROM audit_log" + where
                    + " ORDER BY id DESC LIMIT " + PAGE_SIZE + " OFFSET " + (long) (page - 1) * PAGE_SIZE), values)
                    .map((rs, ctx) -> map(rs)).list();
            return new Page(page, total, entries);
        });
    }

    /** Deletes up to {@code batch} entries older than {@code cutoff}; returns how many went. */
    int pruneBefore(Instant cutoff, int batch) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM audit_log WHERE created_at < ? ORDER BY id LIMIT ?")
                .bind(0, utc(cutoff)).bind(1, batch).execute());
    }

    private static void condition(StringBuilder where, List<Object> values, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            values.add(value);
        }
    }

    private static Query bind(Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.bind(i, values.get(i));
        }
        return query;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject(3, Long.class), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11), rs.getObject(12, Long.class),
                rs.getString(13), rs.getString(14), rs.getLong(15));
    }
}
