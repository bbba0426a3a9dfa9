package org.voicepanel.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web page's login over real HTTP, as a browser does it: a cookie jar, the XSRF-TOKEN cookie
 * echoed in X-XSRF-TOKEN, and the session kept in the panel's (embedded) MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLoginIT {

    private static final String ADMIN_TOKEN = "session-it-admin-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Jdbi jdbi;

    @DynamicPropertySource
    static void panel(DynamicPropertyRegistry registry) throws URISyntaxException {
        Path home = buildDir().resolve("session-it-" + System.nanoTime());
        registry.add("panel.data-dir", () -> home.resolve("data").toString());
        registry.add("panel.plugins-dir", () -> home.resolve("plugins").toString());
        registry.add("panel.admin-token", () -> ADMIN_TOKEN);
    }

    @BeforeAll
    void users() throws IOException {
        Browser admin = new Browser();
        assertThat(admin.send("POST", "/admin/users", Map.of("name", "alice", "password", "alice-password"),
                "Authorization", "Bearer " + ADMIN_TOKEN).statusCode()).isEqualTo(201);
        assertThat(admin.send("POST", "/admin/users", Map.of("name", "bob", "password", "bob-password"),
                "Authorization", "Bearer " + ADMIN_TOKEN).statusCode()).isEqualTo(201);
        // the admin's id as the panel lists it: not always 1 (on Galera ids step by the node count)
        long adminId = -1;
        for (JsonNode user : json(admin.send("GET", "/admin/users", null, "Authorization", "Bearer " + ADMIN_TOKEN))
                .path("data").path("users")) {
            if (user.path("name").asString().equals("admin")) {
                adminId = user.path("id").asLong();
            }
        }
        assertThat(admin.send("PUT", "/admin/users/" + adminId + "/password", Map.of("password", "admin-password"),
                "Authorization", "Bearer " + ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void firstPageGivesAReadableCsrfCookieButNoSession() throws IOException {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.page();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("XSRF-TOKEN=").contains("SameSite=Strict").doesNotContain("HttpOnly");
        assertThat(browser.cookie("SESSION")).isEmpty();
    }

    @Test
    void loginWithoutTheCsrfHeaderIsRefused() throws IOException {
        Browser browser = new Browser();
        browser.page();

        HttpResponse<String> answer = browser.sendWithoutCsrf("POST", "/session",
                Map.of("name", "alice", "password", "alice-password"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json(answer).path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(browser.cookie("SESSION")).isEmpty();
    }

    @Test
    void loginGivesAnHttpOnlyStrictSessionAndTheUser() throws IOException {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.logIn("alice", "alice-password");

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode user = json(login).path("data").path("user");
        assertThat(user.path("name").asString()).isEqualTo("alice");
        assertThat(user.path("admin").asBoolean()).isFalse();
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("HttpOnly", "SameSite=Strict"));
        assertThat(json(browser.send("GET", "/session", null)).path("data").path("user").path("name").asString())
                .isEqualTo("alice");
        assertThat(browser.send("GET", "/services", null).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongNameAndWrongPasswordGetTheSameAnswer() throws IOException {
        HttpResponse<String> wrongPassword = new Browser().logIn("alice", "not-her-password");
        HttpResponse<String> unknownName = new Browser().logIn("nobody", "not-her-password");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownName.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownName.body())
                .isEqualTo("{\"status\":\"error\",\"message\":\"The name or the password is wrong.\",\"code\":\"UNAUTHENTICATED\"}");
    }

    @Test
    void loginReplacesAPlantedSessionId() throws IOException {
        Browser attacker = new Browser();
        attacker.logIn("bob", "bob-password");
        String planted = attacker.cookie("SESSION").orElseThrow();

        Browser victim = new Browser();
        victim.page();
        victim.setCookie("SESSION", planted);
        HttpResponse<String> login = victim.logIn("alice", "alice-password");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(setCookie(login, "SESSION")).isPresent().get().isNotEqualTo(planted);
        HttpResponse<String> withPlanted = attacker.send("GET", "/session", null);
        assertThat(withPlanted.statusCode()).isEqualTo(401);
    }

    @Test
    void loginRenewsTheCsrfToken() throws IOException {
        Browser browser = new Browser();
        browser.page();
        String before = browser.cookie("XSRF-TOKEN").orElseThrow();

        browser.logIn("alice", "alice-password");

        assertThat(browser.cookie("XSRF-TOKEN")).isPresent().get().isNotEqualTo(before);
        assertThat(browser.sendWithCsrf("DELETE", "/session", before).statusCode()).isEqualTo(403);
    }

    @Test
    void sessionGivesBackupRolesAndAdminOnlyToAdmins() throws IOException {
        Browser alice = new Browser();
        alice.logIn("alice", "alice-password");
        HttpResponse<String> refused = alice.send("GET", "/admin/users", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("message").asString()).contains("ROLE_ADMIN");

        Browser admin = new Browser();
        HttpResponse<String> login = admin.logIn("admin", "admin-password");
        assertThat(json(login).path("data").path("user").path("admin").asBoolean()).isTrue();
        assertThat(admin.send("GET", "/admin/users", null).statusCode()).isEqualTo(200);
    }

    @Test
    void logOutNeedsCsrfAndEndsTheSession() throws IOException {
        Browser browser = new Browser();
        browser.logIn("alice", "alice-password");
        String session = browser.cookie("SESSION").orElseThrow();

        assertThat(browser.sendWithoutCsrf("DELETE", "/session", null).statusCode()).isEqualTo(403);
        HttpResponse<String> logout = browser.send("DELETE", "/session", null);

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(json(logout).path("message").asString()).isEqualTo("You are logged out.");
        Browser replay = new Browser();
        replay.setCookie("SESSION", session);
        assertThat(replay.send("GET", "/session", null).statusCode()).isEqualTo(401);
        assertThat(browser.send("GET", "/services", null).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionsLiveInTheDatabaseUnderTheUsersNameForHalfAnHour() throws IOException {
        Browser browser = new Browser();
        browser.logIn("bob", "bob-password");

        List<Integer> idleSeconds = jdbi.withHandle(h -> h.createQuery(
                        "SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'bob'")
                .mapTo(Integer.class).list());
        assertThat(idleSeconds).isNotEmpty().allSatisfy(seconds -> assertThat(seconds).isEqualTo(30 * 60));
    }

    @Test
    void tokenRequestsNeedNoCsrfAndNeverUseTheSession() throws IOException {
        Browser browser = new Browser();
        browser.logIn("alice", "alice-password");

        HttpResponse<String> withToken = browser.sendWithoutCsrf("POST", "/admin/users",
                Map.of("name", "carol"), "Authorization", "Bearer " + ADMIN_TOKEN);
        assertThat(withToken.statusCode()).isEqualTo(201);
        HttpResponse<String> stillAlice = browser.send("GET", "/session", null);
        assertThat(json(stillAlice).path("data").path("user").path("name").asString()).isEqualTo("alice");
    }

    /** The value a response sets for a cookie, from its Set-Cookie headers. */
    private static Optional<String> setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';'))).findFirst();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static Path buildDir() throws URISyntaxException {
        return Path.of(SessionLoginIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    /** An HTTP client with a cookie jar that echoes XSRF-TOKEN as a page's script does. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> logIn(String name, String password) throws IOException {
            if (cookie("XSRF-TOKEN").isEmpty()) {
                page();
            }
            return send("POST", "/session", Map.of("name", name, "password", password));
        }

        /** Loads the start page, as a browser does first. */
        HttpResponse<String> page() throws IOException {
            return sendWithCsrf("GET", "/", null, null, "Accept", "text/html");
        }

        HttpResponse<String> send(String method, String path, Object body, String... headers) throws IOException {
            return sendWithCsrf(method, path, cookie("XSRF-TOKEN").orElse(""), body, headers);
        }

        HttpResponse<String> sendWithoutCsrf(String method, String path, Object body, String... headers)
                throws IOException {
            return sendWithCsrf(method, path, null, body, headers);
        }

        HttpResponse<String> sendWithCsrf(String method, String path, String csrf) throws IOException {
            return sendWithCsrf(method, path, csrf, null);
        }

        private HttpResponse<String> sendWithCsrf(String method, String path, String csrf, Object body,
                                                  String... headers) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .setHeader("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrf != null && !method.equals("GET")) {
                request.header("X-XSRF-TOKEN", csrf);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.setHeader(headers[i], headers[i + 1]);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).filter(value -> !value.isEmpty()).findFirst();
        }

        void setCookie(String name, String value) {
            HttpCookie cookie = new HttpCookie(name, value);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(uri("/"), cookie);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
