package dev.hermes.cli.doctor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks in the order they ran, their counts and the exit code they add up to: 2 when any check
 * failed, 1 when {@code --strict} was given and any check warned, else 0. With {@code --health}
 * only the checks counted against the container's health matter: 1 when there is one, else 0.
 */
public final class DoctorReport {
  public static final int HEALTHY = 0;
  public static final int WARNINGS_WITH_STRICT = 1;
  public static final int FAILED = 2;

  /** The exit code of {@code --health} when the container is unhealthy. */
  public static final int UNHEALTHY = 1;

  private final List<Check> checks = new ArrayList<>();

  public void add(Check check) {
    checks.add(check);
  }

  public List<Check> checks() {
    return List.copyOf(checks);
  }

  public int count(CheckStatus status) {
    return (int) checks.stream().filter(c -> c.status() == status).count();
  }

  public int exitCode(boolean strict) {
    if (count(CheckStatus.FAIL) > 0) {
      return FAILED;
    }
    if (strict && count(CheckStatus.WARN) > 0) {
      return WARNINGS_WITH_STRICT;
    }
    return HEALTHY;
  }

  /** The checks that make the container unhealthy ({@link Check#againstHealth()}). */
  public List<Check> healthProblems() {
    return checks.stream().filter(Check::againstHealth).toList();
  }

  /** {@code --health}: 0 healthy, 1 unhealthy, as Docker's HEALTHCHECK reads it. */
  public int healthExitCode() {
    return healthProblems().isEmpty() ? HEALTHY : UNHEALTHY;
  }

  /**
   * {@code --health}: one line per problem, then {@code Health: healthy|unhealthy (N problem(s))}.
   */
  public void printHealth(PrintWriter out) {
    List<Check> problems = healthProblems();
    for (Check problem : problems) {
      out.println(CheckStatus.FAIL.symbol() + " " + problem.message());
    }
    out.println(
        problems.isEmpty()
            ? "Health: healthy"
            : "Health: unhealthy (" + problems.size() + " problem(s))");
  }

  /** Section headings, each check indented under its own, then one summary line. */
  public void print(PrintWriter out) {
    String section = null;
    for (Check check : checks) {
      if (!Objects.equals(section, check.section())) {
        section = check.section();
        out.println(section);
      }
      out.println("  " + check.status().symbol() + " " + check.message());
    }
    out.println(
        "Summary: "
            + count(CheckStatus.OK)
            + " ok, "
            + count(CheckStatus.WARN)
            + " warn, "
            + count(CheckStatus.FAIL)
            + " fail");
  }

  /** The {@code --json} document: {@code checks}, {@code summary} and {@code exit_code}. */
  public Map<String, Object> toJson(boolean strict) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Check check : checks) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("section", check.section());
      row.put("name", check.name());
      row.put("status", check.status().label());
      row.put("message", check.message());
      rows.add(row);
    }
    Map<String, Integer> summary = new LinkedHashMap<>();
    for (CheckStatus status : CheckStatus.values()) {
      summary.put(status.label(), count(status));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("checks", rows);
    document.put("summary", summary);
    document.put("exit_code", exitCode(strict));
    return document;
  }
}
