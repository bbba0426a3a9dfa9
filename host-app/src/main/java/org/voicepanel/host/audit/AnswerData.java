package org.voicepanel.host.audit;

import java.util.Map;
import java.util.Optional;
import org.voicepanel.host.web.Envelope;

/** Reads what the audit trail needs from an answer's data: the snapshot made, the service made, a new status. */
final class AnswerData {

    private AnswerData() {
    }

    static Optional<Long> snapshotId(Envelope answer) {
        return number(field(answer, "snapshot"), "id");
    }

    static Optional<Long> serviceId(Envelope answer) {
        return number(field(answer, "service"), "id");
    }

    static Optional<String> status(Envelope answer) {
        return field(answer, "service") instanceof Map<?, ?> service && service.get("status") instanceof String status
                ? Optional.of(status) : Optional.empty();
    }

    private static Object field(Envelope answer, String key) {
        return answer != null && answer.data() instanceof Map<?, ?> data ? data.get(key) : null;
    }

    private static Optional<Long> number(Object object, String key) {
        return object instanceof Map<?, ?> map && map.get(key) instanceof Number number
                ? Optional.of(number.longValue()) : Optional.empty();
    }
}
