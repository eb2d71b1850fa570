package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final AtomicLong now = new AtomicLong();
  private final Sessions sessions = new Sessions(now::get);

  @Test
  void idsAndTokensAreRandomAndFindable() {
    Session a = sessions.create(true);
    Session b = sessions.create(true);
    assertThat(a.id()).isNotEqualTo(b.id()).hasSize(43);
    assertThat(a.csrfToken()).isNotEqualTo(a.id()).isNotEqualTo(b.csrfToken());
    assertThat(sessions.find(a.id())).contains(a);
    assertThat(sessions.find("nope")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void idleSessionsExpireAnonymousOnesSooner() {
    Session anonymous = sessions.create(false);
    Session loggedIn = sessions.create(true);
    now.addAndGet(Sessions.ANONYMOUS_IDLE.toNanos() + 1);
    assertThat(sessions.find(anonymous.id())).isEmpty();
    assertThat(sessions.find(loggedIn.id())).isPresent();
    now.addAndGet(Sessions.LOGGED_IN_IDLE.toNanos() + 1);
    assertThat(sessions.find(loggedIn.id())).isEmpty();
  }

  @Test
  void theStoreIsBoundedAndDropsAnonymousSessionsFirst() {
    Session loggedIn = sessions.create(true);
    for (int i = 0; i < Sessions.MAX_SESSIONS * 2; i++) {
      now.incrementAndGet();
      sessions.create(false);
    }
    assertThat(sessions.size()).isEqualTo(Sessions.MAX_SESSIONS);
    assertThat(sessions.find(loggedIn.id())).isPresent();
  }
}
