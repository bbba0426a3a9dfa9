package org.voicepanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the host checks for each declared connection field, and what a service shows of its secrets. */
class ConnectionFieldTest {

    @Test
    void portTakesOneTo65535Only() {
        ConnectionField port = ConnectionField.port("ice_port");
        assertThat(port.problemWith("6502")).isEmpty();
        assertThat(port.problemWith("0")).contains("ice_port must be a whole number from 1 to 65535.");
        assertThat(port.problemWith("70000")).isPresent();
        assertThat(port.problemWith("12ab")).isPresent();
    }

    @Test
    void textRefusesControlCharactersOverlongValuesAndPatternMisses() {
        ConnectionField login = ConnectionField.text("login").withMaxLength(8).withPattern("[a-z]+", "lower-case letters");
        assertThat(login.problemWith("admin")).isEmpty();
        assertThat(login.problemWith("adm\nin")).contains("login must not contain control characters.");
        assertThat(login.problemWith("administrator")).contains("login must be at most 8 characters.");
        assertThat(login.problemWith("Admin")).contains("login must be lower-case letters.");
        assertThat(login.problemWith("")).contains("login is required.");
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertThatThrownBy(() -> ConnectionField.text("Query Port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionField.integer("n", 5, 1)).isInstanceOf(IllegalArgumentException.class);
        ConnectionField secret = ConnectionField.secret("ice_secret").optional();
        assertThat(secret.isSecret()).isTrue();
        assertThat(secret.isRequired()).isFalse();
        assertThat(ConnectionField.text("login").adminOnly().isAdminOnly()).isTrue();
    }

    @Test
    void serviceLeavesSecretsOutOfItsText() {
        VoiceService service = VoiceService.builder(7, "mumble").host("127.0.0.1").slots(10)
                .field("ice_port", 6502).secret("ice_secret", "hunter2").build();
        assertThat(service.text("ice_secret")).isEqualTo("hunter2");
        assertThat(service.integer("ice_port")).isEqualTo(6502);
        assertThat(service.toString()).contains("ice_port=6502").doesNotContain("hunter2");
        assertThat(service.toBuilder(8).build().text("ice_secret")).isEqualTo("hunter2");
        assertThat(service.toBuilder(8).build().toString()).doesNotContain("hunter2");
    }

    @Test
    void restoreReportSaysWhatIsMissingInOrder() {
        assertThat(RestoreReport.complete().isComplete()).isTrue();
        RestoreReport report = RestoreReport.builder().notRestored("first").notRestored("second").build();
        assertThat(report.notRestored()).containsExactly("first", "second");
        assertThat(report.isComplete()).isFalse();
    }
}
