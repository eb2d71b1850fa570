package dev.hermes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestGuardTest {
  @Test
  void sameAuthorityComparesHostAndPortWithSchemeDefaults() {
    assertThat(RequestGuard.sameAuthority("http://127.0.0.1:9119", "127.0.0.1:9119")).isTrue();
    assertThat(RequestGuard.sameAuthority("http://LOCALHOST:9119", "localhost:9119")).isTrue();
    assertThat(RequestGuard.sameAuthority("http://example.org", "example.org:80")).isTrue();
    assertThat(RequestGuard.sameAuthority("https://example.org", "example.org")).isTrue();
    assertThat(RequestGuard.sameAuthority("http://[::1]:9119", "[::1]:9119")).isTrue();
    assertThat(RequestGuard.sameAuthority("http://127.0.0.1:9119/page", "127.0.0.1:9119")).isTrue();

    assertThat(RequestGuard.sameAuthority("http://127.0.0.1:9120", "127.0.0.1:9119")).isFalse();
    assertThat(RequestGuard.sameAuthority("http://evil.example", "127.0.0.1:9119")).isFalse();
    assertThat(RequestGuard.sameAuthority("null", "127.0.0.1:9119")).isFalse();
    assertThat(RequestGuard.sameAuthority("file:///x", "127.0.0.1:9119")).isFalse();
    assertThat(RequestGuard.sameAuthority("http://127.0.0.1:9119", "127.0.0.1:9119/x")).isFalse();
    assertThat(RequestGuard.sameAuthority("http://127.0.0.1:9119", "a b")).isFalse();
  }
}
