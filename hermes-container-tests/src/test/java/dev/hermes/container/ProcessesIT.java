package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PID 1's duty of reaping orphans (a clean stop is {@link DockerIT}'s). */
class ProcessesIT extends ContainerTest {
  @Test
  void anOrphanedChildIsReapedByPid1() {
    String script =
        "sh -c 'sleep 1 & echo $! >/tmp/orphan'; pid=$(cat /tmp/orphan);"
            + " echo \"orphan $pid ppid $(sed -n 's/^PPid:[[:space:]]*//p' /proc/$pid/status)\";"
            + " n=0; while [ -e /proc/$pid ]; do n=$((n + 1));"
            + " if [ $n -gt 600 ]; then echo \"not reaped: $(sed -n 's/^State:[[:space:]]*//p'"
            + " /proc/$pid/status)\"; exit 1; fi; sleep 0.05; done; echo reaped";
    Outcome run = runToExit(RunOptions.defaults(), "sh", "-c", script);

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.out()).containsPattern("orphan \\d+ ppid 1\\b").contains("reaped");
  }
}
