package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {
  @Test
  void theDefaultsAreTheDocumentedOnesInTheUnitsTheJdkReads() {
    assertThat(ServerLimits.defaults(Duration.ZERO))
        .containsEntry("sun.net.httpserver.maxReqTime", "20")
        .containsEntry("sun.net.httpserver.maxRspTime", "60")
        .containsEntry("sun.net.httpserver.idleInterval", "30")
        .containsEntry("sun.net.httpserver.maxIdleConnections", "64")
        .containsEntry("jdk.httpserver.maxConnections", "512")
        .containsEntry("sun.net.httpserver.maxReqHeaders", "100")
        .containsEntry("sun.net.httpserver.maxReqHeaderSize", "16384")
        .hasSize(7);
  }

  @Test
  void theResponseDeadlineLeavesRoomForTheSlowestAnswerAndItsTransfer() {
    // A gateway with the default model timeout: connect 5 s + answer 60 s.
    assertThat(ServerLimits.defaults(Duration.ofSeconds(65)))
        .containsEntry(ServerLimits.MAX_RSP_TIME, "125");
    // Rounded up: the JDK reads whole seconds, and rounding down would cut the answer short.
    assertThat(ServerLimits.defaults(Duration.ofMillis(65_001)))
        .containsEntry(ServerLimits.MAX_RSP_TIME, "126");
  }

  @Test
  void aNegativeSlowestAnswerIsAProgrammingError() {
    assertThatThrownBy(() -> ServerLimits.defaults(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whatTheOperatorSetIsKeptAndOnlyTheRestIsFilledIn() {
    Properties properties = new Properties();
    properties.setProperty(ServerLimits.MAX_REQ_TIME, "5");
    properties.setProperty(ServerLimits.MAX_OPEN, "-1");

    ServerLimits.apply(properties, Duration.ZERO);

    assertThat(properties.getProperty(ServerLimits.MAX_REQ_TIME)).isEqualTo("5");
    assertThat(properties.getProperty(ServerLimits.MAX_OPEN)).isEqualTo("-1");
    assertThat(properties.getProperty(ServerLimits.IDLE_INTERVAL)).isEqualTo("30");
    assertThat(properties).hasSize(7);
  }

  @Test
  void theFirstServerOfTheJvmDecides() {
    Properties properties = new Properties();
    ServerLimits.apply(properties, Duration.ofSeconds(65));
    ServerLimits.apply(properties, Duration.ZERO);

    assertThat(properties.getProperty(ServerLimits.MAX_RSP_TIME)).isEqualTo("125");
  }
}
