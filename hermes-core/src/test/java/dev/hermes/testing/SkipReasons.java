package dev.hermes.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Prints why a test was skipped on the build's console, one line per test or class: Surefire and
 * Failsafe only count skipped tests there and keep the reason in their XML reports, so a developer
 * would not see that a test did not run for want of s6, Docker or a browser ({@link Required}).
 * Registered for every module's tests through {@code META-INF/services} and the parent POM's {@code
 * junit.jupiter.extensions.autodetection} parameters.
 */
public final class SkipReasons implements TestWatcher, LifecycleMethodExecutionExceptionHandler {
  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    print(context, reason(cause));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    print(context, reason.orElse("disabled"));
  }

  /** A whole class skipped in {@code @BeforeAll}: its tests are never reported one by one. */
  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause)
      throws Throwable {
    if (cause instanceof TestAbortedException) {
      print(context, reason(cause));
    }
    throw cause;
  }

  private static String reason(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static void print(ExtensionContext context, String reason) {
    String test =
        context.getRequiredTestClass().getSimpleName()
            + context.getTestMethod().map(method -> "." + method.getName()).orElse("");
    System.out.println("[SKIPPED] " + test + ": " + reason);
    System.out.flush();
  }
}
