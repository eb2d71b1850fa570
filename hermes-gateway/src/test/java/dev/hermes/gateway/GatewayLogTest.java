package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayLogTest {
  @Test
  void eachLineNamesProfilePidAndLevel() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GatewayLog log =
        new GatewayLog("coder", 1234, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    log.info("listening on 127.0.0.1:8643");
    log.warning("careful");
    log.error("two\nlines");
    log.close();

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "gateway[coder pid 1234]: info: listening on 127.0.0.1:8643",
            "gateway[coder pid 1234]: warning: careful",
            "gateway[coder pid 1234]: error: two lines");
  }
}
