package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {
  @Test
  void anIdleServerDrainsAtOnce() throws Exception {
    InFlightRequests requests = new InFlightRequests();
    requests.close();

    assertThat(requests.awaitIdle(Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void closingRefusesNewRequestsButCountsTheRunningOnes() throws Exception {
    InFlightRequests requests = new InFlightRequests();
    assertThat(requests.tryEnter()).isTrue();

    requests.close();

    assertThat(requests.tryEnter()).isFalse();
    assertThat(requests.active()).isEqualTo(1);
    assertThat(requests.awaitIdle(Duration.ofMillis(50))).isFalse();
    requests.exit();
    assertThat(requests.awaitIdle(Duration.ofMillis(50))).isTrue();
  }

  @Test
  void aWaitingStopWakesWhenTheLastRequestEnds() throws Exception {
    InFlightRequests requests = new InFlightRequests();
    requests.tryEnter();
    requests.close();
    Thread finisher = new Thread(requests::exit);

    finisher.start();

    assertThat(requests.awaitIdle(Duration.ofSeconds(30))).isTrue();
    finisher.join();
  }
}
