package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dashboard that asks for a login: username and password, or the token. */
class LoginDashboardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  private Dashboard dashboard;

  @AfterEach
  void stop() {
    if (dashboard != null) {
      dashboard.close();
    }
  }

  private int start(LoginCheck check) {
    TestDashboards fixture = new TestDashboards(root).withProfiles("alpha");
    dashboard = fixture.start(new AccessPolicy(check, "test"));
    return dashboard.port();
  }

  /** A session cookie and its CSRF token, as the login page gets them. */
  private static String[] anonymousSession(int port) throws IOException {
    RawHttp.Response r = RawHttp.to(port).get("/api/session");
    assertThat(JSON.readTree(r.body()).get("authenticated").asBoolean()).isFalse();
    return new String[] {r.cookie(), JSON.readTree(r.body()).get("csrf").asText()};
  }

  private static RawHttp.Response login(int port, String[] session, String json) {
    return RawHttp.to(port)
        .cookie(session[0])
        .sameOrigin()
        .header("X-CSRF-Token", session[1])
        .json(json)
        .post("/api/login");
  }

  @Test
  void withoutALoginThePageRedirectsAndTheApiRefuses() {
    int port = start(LoginCheck.password("op", "secret"));
    RawHttp.Response page = RawHttp.to(port).get("/");
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/login");
    assertThat(RawHttp.to(port).get("/login").status()).isEqualTo(200);
    RawHttp.Response api = RawHttp.to(port).get("/api/gateways");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.body()).doesNotContain("alpha");
    assertThat(RawHttp.to(port).get("/api/gateways/alpha/log").status()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsRejectedAndTheRightOneOpensANewSession() throws IOException {
    int port = start(LoginCheck.password("op", "secret"));
    String[] session = anonymousSession(port);

    RawHttp.Response wrong = login(port, session, "{\"username\":\"op\",\"password\":\"nope\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()).get("error").asText())
        .isEqualTo("wrong username or password");
    assertThat(wrong.cookie()).isNull();
    assertThat(login(port, session, "{\"username\":\"nobody\",\"password\":\"secret\"}").status())
        .isEqualTo(401);

    RawHttp.Response right = login(port, session, "{\"username\":\"op\",\"password\":\"secret\"}");
    assertThat(right.status()).isEqualTo(200);
    String setCookie = right.all("Set-Cookie").get(0);
    assertThat(setCookie).contains("; HttpOnly").contains("; SameSite=Strict").contains("Path=/");
    assertThat(right.cookie()).as("a new session id after login").isNotEqualTo(session[0]);

    assertThat(RawHttp.to(port).cookie(right.cookie()).get("/api/gateways").status())
        .isEqualTo(200);
    assertThat(RawHttp.to(port).cookie(right.cookie()).get("/").status()).isEqualTo(200);
    assertThat(RawHttp.to(port).cookie(session[0]).get("/api/gateways").status())
        .as("the pre-login session stays anonymous")
        .isEqualTo(401);
  }

  @Test
  void theLoginItselfNeedsTheCsrfTokenAndJson() {
    int port = start(LoginCheck.password("op", "secret"));
    RawHttp.Response noToken =
        RawHttp.to(port)
            .sameOrigin()
            .json("{\"username\":\"op\",\"password\":\"secret\"}")
            .post("/api/login");
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.cookie()).isNull();
  }

  @Test
  void theTokenLoginIgnoresTheUsername() throws IOException {
    String token = "t".repeat(43);
    int port = start(LoginCheck.token(token));
    String[] session = anonymousSession(port);
    assertThat(JSON.readTree(RawHttp.to(port).get("/api/session").body()).get("login").asText())
        .isEqualTo("token");
    RawHttp.Response wrong = login(port, session, "{\"password\":\"" + "u".repeat(43) + "\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("wrong token");
    assertThat(login(port, session, "{\"username\":\"x\",\"password\":\"" + token + "\"}").status())
        .isEqualTo(200);
  }

  @Test
  void repeatedFailuresAreThrottled() throws IOException {
    int port = start(LoginCheck.password("op", "secret"));
    String[] session = anonymousSession(port);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(login(port, session, "{\"username\":\"op\",\"password\":\"x\"}").status())
          .isEqualTo(401);
    }
    RawHttp.Response blocked =
        login(port, session, "{\"username\":\"op\",\"password\":\"secret\"}");
    assertThat(blocked.status()).isEqualTo(429);
  }

  @Test
  void logoutEndsTheSession() throws IOException {
    int port = start(LoginCheck.password("op", "secret"));
    String[] session = anonymousSession(port);
    RawHttp.Response in = login(port, session, "{\"username\":\"op\",\"password\":\"secret\"}");
    String csrf = JSON.readTree(in.body()).get("csrf").asText();
    RawHttp.Response out =
        RawHttp.to(port)
            .cookie(in.cookie())
            .sameOrigin()
            .header("X-CSRF-Token", csrf)
            .post("/api/logout");
    assertThat(out.status()).isEqualTo(200);
    assertThat(out.all("Set-Cookie").get(0)).contains("Max-Age=0");
    assertThat(RawHttp.to(port).cookie(in.cookie()).get("/api/gateways").status()).isEqualTo(401);
  }
}
