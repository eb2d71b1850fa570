package dev.hermes.supervision.none;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionException;
import org.junit.jupiter.api.Test;

class NoServiceManagerTest {
  private static final String ADVICE =
      "no service manager on this host: run the gateway in the foreground with 'hermes gateway"
          + " run'";

  private final NoServiceManager manager = new NoServiceManager();

  @Test
  void describesItselfAsNoneAndPointsAtTheForeground() {
    assertThat(manager.kind()).isEqualTo(ServiceManagerKind.NONE);
    assertThat(manager.describe())
        .isEqualTo("none (gateways run in the foreground: 'hermes gateway run')");
    assertThat(manager.supportsRuntimeRegistration()).isFalse();
  }

  @Test
  void lifecycleRequestsFailWithTheForegroundAdvice() {
    assertThatThrownBy(() -> manager.start("work"))
        .isInstanceOf(SupervisionException.class)
        .hasMessage(ADVICE);
    assertThatThrownBy(() -> manager.stop("work")).hasMessage(ADVICE);
    assertThatThrownBy(() -> manager.restart("default")).hasMessage(ADVICE);
    assertThatThrownBy(() -> manager.install("work")).hasMessage(ADVICE);
    assertThatThrownBy(() -> manager.uninstall("work")).hasMessage(ADVICE);
  }

  @Test
  void registrationNeedsS6() {
    assertThatThrownBy(() -> manager.register("work", true))
        .hasMessage("runtime registration needs the s6 supervisor (container or 'hermes up')");
  }

  @Test
  void nothingIsRegistered() {
    assertThat(manager.status("work")).isEqualTo(GatewayStatus.notRegistered("work"));
    assertThat(manager.status("work").actual().word()).isEqualTo("not-supervised");
    assertThat(manager.list()).isEmpty();
  }
}
