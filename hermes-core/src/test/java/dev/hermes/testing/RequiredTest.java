package dev.hermes.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredTest {
  @Test
  void anEngineThatIsPresentLetsTheTestRun() {
    assertThatCode(() -> Required.engine(true, "s6")).doesNotThrowAnyException();
  }

  @Test
  void aMissingEngineSkipsOutsideCiAndFailsInCi() {
    Class<? extends Throwable> expected =
        Required.inCi() ? AssertionFailedError.class : TestAbortedException.class;

    assertThatThrownBy(() -> Required.engine(false, "no s6 here"))
        .isInstanceOf(expected)
        .hasMessageContaining("no s6 here");
  }
}
