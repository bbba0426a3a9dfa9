package org.voicepanel.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a finished restore tells the user: the parts of the snapshot the voice server could not take
 * back, each as a sentence (such as which users must set a new password). The host shows them in the
 * restore's answer as {@code data.not_restored}. A restore that could not bring the server back at
 * all throws {@link BackupException} instead. Immutable; built with {@link #complete()} or
 * {@link #builder()}.
 *
 * @since 2.0
 */
public final class RestoreReport {

    private static final RestoreReport COMPLETE = new RestoreReport(List.of());

    private final List<String> notRestored;

    private RestoreReport(List<String> notRestored) {
        this.notRestored = List.copyOf(notRestored);
    }

    /** Everything in the snapshot is back. */
    public static RestoreReport complete() {
        return COMPLETE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sentences without secrets, in the order the provider added them; empty when complete. */
    public List<String> notRestored() {
        return notRestored;
    }

    public boolean isComplete() {
        return notRestored.isEmpty();
    }

    @Override
    public String toString() {
        return "RestoreReport" + notRestored;
    }

    /** Collects the parts not restored; not thread-safe. */
    public static final class Builder {

        private final List<String> notRestored = new ArrayList<>();

        private Builder() {
        }

        /** One part the restore could not bring back, as a sentence a user understands. */
        public Builder notRestored(String sentence) {
            notRestored.add(Objects.requireNonNull(sentence, "sentence"));
            return this;
        }

        public RestoreReport build() {
            return notRestored.isEmpty() ? COMPLETE : new RestoreReport(notRestored);
        }
    }
}
