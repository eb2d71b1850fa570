package dev.hermes.supervision.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.supervision.ServiceManagerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order the resolver's Javadoc states is the order its priorities give. */
class StandardRankingTest {
  @Test
  void theStandardCandidatesRankContainerThenHermesUpThenTheHostsInitThenNone() {
    List<Candidate> ranked = ServiceManagerResolver.standard().candidates();

    assertThat(ranked)
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly(
            "S6ContainerCandidate",
            "S6LocalCandidate",
            "WindowsCandidate",
            "LaunchdCandidate",
            "SystemdCandidate",
            "NoneCandidate");
    assertThat(ranked)
        .extracting(Candidate::kind)
        .containsExactly(
            ServiceManagerKind.S6,
            ServiceManagerKind.S6,
            ServiceManagerKind.WINDOWS,
            ServiceManagerKind.LAUNCHD,
            ServiceManagerKind.SYSTEMD,
            ServiceManagerKind.NONE);
    assertThat(ranked).extracting(Candidate::priority).isSortedAccordingTo((a, b) -> b - a);
    assertThat(ranked).extracting(Candidate::description).doesNotHaveDuplicates();
  }
}
