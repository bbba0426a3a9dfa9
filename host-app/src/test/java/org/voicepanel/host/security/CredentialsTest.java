package org.voicepanel.host.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voicepanel.host.web.JsonBodies.refusal;

import org.junit.jupiter.api.Test;

/** {@code POST /session}'s body. */
class CredentialsTest {

    @Test
    void aNameAndAPasswordAreRequired() {
        assertThat(refusal("{\"name\":\" \",\"password\":\"x\"}", SessionController.Credentials.class))
                .isEqualTo("The name is required.");
        assertThat(refusal("{}", SessionController.Credentials.class))
                .isEqualTo("The name is required. The password is required.");
    }
}
