package dev.hermes.cli.doctor;

/**
 * One line of the doctor's report.
 *
 * @param section the heading it is printed under ({@link #HOME}, {@link #PROFILES}, {@link
 *     #SUPERVISION})
 * @param name a stable identifier for scripts: the check ({@code env}), with {@code :PROFILE} when
 *     the line is about one profile ({@code env:coder})
 * @param message one line for the operator
 * @param againstHealth it makes the container unhealthy ({@code hermes doctor --health}): the
 *     gateway scanner is not running, or a gateway whose desired state is running is down or held
 */
public record Check(
    String section, String name, CheckStatus status, String message, boolean againstHealth) {
  public static final String HOME = "Home";
  public static final String PROFILES = "Profiles";
  public static final String SUPERVISION = "Supervision";

  public static Check ok(String section, String name, String message) {
    return new Check(section, name, CheckStatus.OK, message, false);
  }

  public static Check warn(String section, String name, String message) {
    return new Check(section, name, CheckStatus.WARN, message, false);
  }

  public static Check fail(String section, String name, String message) {
    return new Check(section, name, CheckStatus.FAIL, message, false);
  }

  /** This check, counted against the container's health. */
  public Check unhealthy() {
    return new Check(section, name, status, message, true);
  }
}
