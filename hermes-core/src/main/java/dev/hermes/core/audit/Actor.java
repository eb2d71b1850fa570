package dev.hermes.core.audit;

/**
 * Who caused an audit event: the front end it came through, and for the dashboard the session's
 * user. The OS user of the writing process is recorded beside it, in every line.
 *
 * @param name {@code cli}, {@code dashboard}, {@code terminal-view}, {@code boot} or {@code
 *     supervisor}; a reader keeps any other name it finds as it is
 * @param sessionUser the dashboard session's user, else null
 */
public record Actor(String name, String sessionUser) {
  public static final Actor CLI = new Actor("cli", null);
  public static final Actor TERMINAL_VIEW = new Actor("terminal-view", null);
  public static final Actor BOOT = new Actor("boot", null);
  public static final Actor SUPERVISOR = new Actor("supervisor", null);

  public static final String DASHBOARD = "dashboard";

  /** A dashboard request, by the user its session logged in as. */
  public static Actor dashboard(String sessionUser) {
    return new Actor(DASHBOARD, sessionUser == null ? "" : sessionUser);
  }

  /** {@code dashboard (alice)}, {@code cli}: how the history table shows it. */
  public String describe() {
    return sessionUser == null ? name : name + " (" + sessionUser + ")";
  }
}
