package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayChatTest {
  @Test
  void wildcardAddressesAreReachedThroughLoopback() {
    assertThat(GatewayChat.connectable("0.0.0.0")).isEqualTo("127.0.0.1");
    assertThat(GatewayChat.connectable("::")).isEqualTo("[::1]");
    assertThat(GatewayChat.connectable("[::]")).isEqualTo("[::1]");
  }

  @Test
  void otherHostsAreKeptAndIpv6LiteralsBracketed() {
    assertThat(GatewayChat.connectable("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(GatewayChat.connectable("localhost")).isEqualTo("localhost");
    assertThat(GatewayChat.connectable("::1")).isEqualTo("[::1]");
  }
}
