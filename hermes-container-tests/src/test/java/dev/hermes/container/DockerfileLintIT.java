package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Dockerfile passes dockerlint in pedantic mode (from npm, through npx; no lock file). */
class DockerfileLintIT {
  private static final String DOCKERLINT = "dockerlint@0.3.9";

  @Test
  void theDockerfilePassesDockerlintPedantic() {
    assumeTrue(Processes.succeeds("sh", "-c", "command -v npx"), "skipped: no npx (Node.js)");
    ExecResult r =
        Processes.run(
            List.of("npx", "--yes", DOCKERLINT, "-p", "-f", Repo.DOCKERFILE.toString()),
            Map.of("npm_config_update_notifier", "false"),
            Duration.ofMinutes(5));
    String all = r.out() + r.err();
    assumeFalse(
        !r.ok() && all.matches("(?s).*(ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|E404).*"),
        "skipped: the npm registry cannot be reached: " + all);
    assertThat(r.code()).as(all).isZero();
    assertThat(all).contains("Dockerfile is OK");
  }
}
