package dev.hermes.dashboard;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sessions in memory (a restarted dashboard asks for a new login). Bounded, so a client that keeps
 * asking for new sessions cannot exhaust memory: past {@link #MAX_SESSIONS} the expired go first,
 * then the least recently seen anonymous ones, then the least recently seen.
 */
final class Sessions {
  static final int MAX_SESSIONS = 1000;
  static final Duration LOGGED_IN_IDLE = Duration.ofHours(12);
  static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(30);

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  Sessions(LongSupplier nanos) {
    this.nanos = nanos;
  }

  Sessions() {
    this(System::nanoTime);
  }

  /** The live session with this id, or empty; seeing it keeps it alive. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = byId.get(id);
    long now = nanos.getAsLong();
    if (session == null) {
      return Optional.empty();
    }
    if (expired(session, now)) {
      byId.remove(id);
      return Optional.empty();
    }
    session.touch(now);
    return Optional.of(session);
  }

  /** A new session with fresh random id and CSRF token, no one's yet. */
  Session create(boolean authenticated) {
    return create(authenticated, null);
  }

  /** A new session with fresh random id and CSRF token, acting as {@code user}. */
  synchronized Session create(boolean authenticated, String user) {
    long now = nanos.getAsLong();
    if (byId.size() >= MAX_SESSIONS) {
      byId.values().removeIf(s -> expired(s, now));
    }
    while (byId.size() >= MAX_SESSIONS) {
      Comparator<Session> order =
          Comparator.comparing(Session::authenticated).thenComparingLong(Session::lastSeenNanos);
      byId.values().stream().min(order).ifPresent(s -> byId.remove(s.id()));
    }
    Session session = new Session(Secrets.random(), Secrets.random(), authenticated, user, now);
    byId.put(session.id(), session);
    return session;
  }

  void remove(Session session) {
    byId.remove(session.id());
  }

  int size() {
    return byId.size();
  }

  private static boolean expired(Session session, long now) {
    Duration idle = session.authenticated() ? LOGGED_IN_IDLE : ANONYMOUS_IDLE;
    return now - session.lastSeenNanos() > idle.toNanos();
  }
}
