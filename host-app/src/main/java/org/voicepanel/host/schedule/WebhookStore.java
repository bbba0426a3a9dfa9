package org.voicepanel.host.schedule;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Repository;
import org.voicepanel.host.service.QueryPasswordCipher;

/** The panel's one failure webhook: its URL and its signing secret, sealed at rest. Thread-safe. */
@Repository
class WebhookStore {

    /** Sealed like query passwords, under an id no service has. */
    private static final long SEAL_ID = 0;

    record Webhook(String url, String secret) {

        @Override
        public String toString() {
            return "Webhook[url=" + url + "]";
        }
    }

    private final Jdbi jdbi;
    private final QueryPasswordCipher cipher;

    WebhookStore(Jdbi jdbi, QueryPasswordCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    Optional<Webhook> current() {
        return jdbi.withHandle(h -> h.createQuery("SELECT url, secret_sealed FROM backup_webhook WHERE id = 1")
                .map((rs, ctx) -> new Webhook(rs.getString(1), cipher.open(SEAL_ID, rs.getBytes(2)))).findOne());
    }

    void set(String url, String secret) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO backup_webhook (id, url, secret_sealed) VALUES (1, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE url = VALUES(url), secret_sealed = VALUES(secret_sealed)")
                .bind(0, url).bind(1, cipher.seal(SEAL_ID, secret)).execute());
    }

    void remove() {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM backup_webhook").execute());
    }
}
