package org.voicepanel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.voicepanel.system.PanelApi.Answer;

/**
 * Accounts under attack: failed logins throttled by user name and by address (429 with Retry-After, even for the
 * right password), guessed tokens throttled by address, one password rule in bytes (400 with a sentence, never a
 * 500), a password set by an admin ends the user's logins, and a changed {@code panel.admin-token} retires the
 * previous one. The address limits count every failure of this class, so the test of them runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountSecurityIT {

    private static final int MAX_FAILURES = 3;
    private static final int MAX_ADDRESS_FAILURES = 12;
    private static final String CHANGED_ADMIN_TOKEN = "system-test-changed-admin-token-9876543210";
    private static PanelProcess panel;
    private static PanelApi api;

    @BeforeAll
    static void start() throws IOException {
        panel = PanelProcess.start("accounts", "--panel.login.max-failures=" + MAX_FAILURES,
                "--panel.login.max-address-failures=" + MAX_ADDRESS_FAILURES,
                "--panel.login.max-token-failures=" + MAX_ADDRESS_FAILURES, "--panel.login.block=60s");
        api = new PanelApi(panel.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(panel);
    }

    @Test
    @Order(1)
    void passwordsAreMeasuredInBytesAndABadOneIsA400NeverA500() throws IOException {
        String umlauts = "ä".repeat(40); // 40 characters, 80 bytes: over BCrypt's 72
        Answer tooLong = api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "uma", "password",
                umlauts));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().path("message").asString()).contains("at most 72 bytes");
        assertThat(api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "uma", "password",
                "short")).status()).isEqualTo(400);
        Answer created = api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "uma", "password",
                "a".repeat(72)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long uma = created.data().path("user").path("id").asLong();
        assertThat(api.putJson("/admin/users/" + uma + "/password", PanelProcess.ADMIN_TOKEN,
                Map.of("password", umlauts)).status()).isEqualTo(400);
        assertThat(api.putJson("/admin/users/" + uma + "/password", PanelProcess.ADMIN_TOKEN,
                Map.of("password", "ä".repeat(36))).status()).isEqualTo(200);

        Answer login = new BrowserSession(panel.baseUrl()).logIn("uma", umlauts);
        assertThat(login.status()).as(login.toString()).isEqualTo(401);
        assertThat(new BrowserSession(panel.baseUrl()).logIn("uma", "ä".repeat(36)).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aPasswordSetByAnAdminEndsEveryLoginOfThatUser() throws IOException {
        long vic = api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "vic", "password",
                "vic-password")).data().path("user").path("id").asLong();
        BrowserSession laptop = new BrowserSession(panel.baseUrl());
        BrowserSession phone = new BrowserSession(panel.baseUrl());
        assertThat(laptop.logIn("vic", "vic-password").status()).isEqualTo(200);
        assertThat(phone.logIn("vic", "vic-password").status()).isEqualTo(200);

        Answer set = api.putJson("/admin/users/" + vic + "/password", PanelProcess.ADMIN_TOKEN,
                Map.of("password", "vic-new-password"));

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(laptop.get("/session").status()).isEqualTo(401);
        assertThat(phone.get("/session").status()).isEqualTo(401);
        assertThat(new BrowserSession(panel.baseUrl()).logIn("vic", "vic-password").status()).isEqualTo(401);
        assertThat(new BrowserSession(panel.baseUrl()).logIn("vic", "vic-new-password").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void afterTooManyFailuresForANameEvenTheRightPasswordIsRefusedFor429WithRetryAfter() throws IOException {
        api.postJson("/admin/users", PanelProcess.ADMIN_TOKEN, Map.of("name", "wes", "password", "wes-password"));
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertThat(new BrowserSession(panel.baseUrl()).logIn("wes", "guess-" + i).status()).isEqualTo(401);
        }
        Answer last = new BrowserSession(panel.baseUrl()).logIn("wes", "guess-last");
        Answer right = new BrowserSession(panel.baseUrl()).logIn("wes", "wes-password");

        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(right.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(right.json().path("message").asString()).contains("try again in");
        long retryAfter = Long.parseLong(right.response().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        // another name from the same address is not refused yet
        assertThat(new BrowserSession(panel.baseUrl()).logIn("vic", "vic-new-password").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aChangedAdminTokenRetiresThePreviousOneAtTheRestart() throws Exception {
        assertThat(api.get("/admin/users", PanelProcess.ADMIN_TOKEN).status()).isEqualTo(200);
        panel.stop();
        panel.adminToken(CHANGED_ADMIN_TOKEN);
        panel.startAgain();

        assertThat(api.get("/admin/users", CHANGED_ADMIN_TOKEN).status()).isEqualTo(200);
        Answer previous = api.get("/admin/users", PanelProcess.ADMIN_TOKEN);
        assertThat(previous.status()).as(previous.toString()).isEqualTo(401);
        assertThat(previous.json().path("message").asString()).contains("unknown or has been revoked");
        // a retired token stays retired, also when the setting names it again; the panel says so, and the token that
        // works stays working, so nobody is locked out
        panel.stop();
        panel.adminToken(PanelProcess.ADMIN_TOKEN);
        panel.startAgain();
        assertThat(api.get("/admin/users", PanelProcess.ADMIN_TOKEN).status()).isEqualTo(401);
        assertThat(panel.output()).contains("names a token that was revoked");
        assertThat(api.get("/admin/users", CHANGED_ADMIN_TOKEN).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void guessedTokensAndFailedLoginsFromOneAddressAreThrottledPerAddress() throws IOException {
        Answer answer = null;
        for (int i = 0; i < MAX_ADDRESS_FAILURES && (answer == null || answer.status() == 401); i++) {
            answer = api.get("/services", "vp_guessed-token-" + i);
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.response().headers().firstValue("Retry-After")).isPresent();
        // a real token is never refused for an address's guesses
        assertThat(api.get("/admin/users", CHANGED_ADMIN_TOKEN).status()).isEqualTo(200);

        Answer login = null;
        for (int i = 0; i < 2 * MAX_ADDRESS_FAILURES && (login == null || login.status() == 401); i++) {
            login = new BrowserSession(panel.baseUrl()).logIn("stranger-" + i, "guess");
        }
        assertThat(login.status()).as(login.toString()).isEqualTo(429);
        Answer right = new BrowserSession(panel.baseUrl()).logIn("vic", "vic-new-password");
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
    }
}
