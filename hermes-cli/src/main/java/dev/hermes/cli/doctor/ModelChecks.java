package dev.hermes.cli.doctor;

import dev.hermes.core.HermesException;
import dev.hermes.core.Profile;
import dev.hermes.gateway.GatewayExitCodes;
import dev.hermes.gateway.ModelSettings;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Every profile's model settings, judged by the gateway's own rules ({@link ModelSettings}). A
 * profile without a model is a warning: its gateway runs, but every chat answers 503. One whose
 * settings the gateway refuses (a base URL that is not an http(s) URL…) is a failure: its gateway
 * exits {@value GatewayExitCodes#FATAL_CONFIGURATION} and is held down. A missing {@value
 * ModelSettings#API_KEY_VARIABLE} is not a problem here: the relay then sends no key, which is what
 * local model servers expect, and whether a remote one needs a key only the network could tell. A
 * config.yaml that cannot be parsed at all is {@link ConfigChecks}' finding and is skipped.
 */
final class ModelChecks {
  private ModelChecks() {}

  static void run(List<Profile> profiles, DoctorReport report) {
    int problems = 0;
    int configured = 0;
    int withoutKey = 0;
    for (Profile profile : profiles) {
      String name = profile.name();
      ModelSettings.Verdict verdict;
      try {
        verdict = ModelSettings.examine(profile);
      } catch (HermesException | UncheckedIOException e) {
        // ConfigChecks names it; this kind's ok line would claim a profile it never judged.
        problems++;
        continue;
      }
      if (verdict instanceof ModelSettings.Configured c) {
        configured++;
        if (!c.apiKey()) {
          withoutKey++;
        }
      } else if (verdict instanceof ModelSettings.Missing m) {
        problems++;
        report.add(
            Check.warn(
                Check.PROFILES,
                "model:" + name,
                name
                    + ": no model configured ("
                    + String.join(" and ", m.unset())
                    + (m.unset().size() == 1 ? " is" : " are")
                    + " not set in "
                    + m.config().path()
                    + "): every chat answers 503"));
      } else if (verdict instanceof ModelSettings.Invalid i) {
        problems++;
        report.add(
            Check.fail(
                Check.PROFILES,
                "model:" + name,
                name
                    + ": the gateway will not start (exit "
                    + GatewayExitCodes.FATAL_CONFIGURATION
                    + "): "
                    + i.reason()));
      }
    }
    if (problems == 0 && configured > 0) {
      report.add(
          Check.ok(
              Check.PROFILES,
              "model",
              "Model: configured in all "
                  + configured
                  + " profile(s)"
                  + (withoutKey == 0
                      ? ""
                      : " ("
                          + withoutKey
                          + " without "
                          + ModelSettings.API_KEY_VARIABLE
                          + ": sent without a key)")));
    }
  }
}
