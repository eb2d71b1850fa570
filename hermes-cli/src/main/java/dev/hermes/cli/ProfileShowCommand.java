package dev.hermes.cli;

import dev.hermes.core.EnvFile;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileSummary;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hermes profile show [NAME]}: one profile's paths, port and state. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show one profile (NAME, else the -p profile): paths, port, state.")
public final class ProfileShowCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "Profile (default: -p).")
  String name;

  @Override
  public void run() {
    HermesCommand root = HermesCommand.root(spec);
    Profile profile = root.context().profiles().require(name == null ? root.profile() : name);
    ProfileSummary summary = ProfileSummary.of(profile);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Profile:   " + summary.name());
    out.println("Directory: " + summary.dir());
    out.println("Logs:      " + profile.logDir());
    out.println("Port:      " + (summary.port() == null ? "-" : summary.port()));
    if (summary.configError() != null) {
      out.println("Config:    " + summary.configError());
    } else {
      out.println("Host:      " + profile.config().gatewayHost());
    }
    out.println("Desired:   " + ProfileListCommand.orDash(summary.desired()));
    out.println("Reported:  " + ProfileListCommand.orDash(summary.reported()));
    out.println(
        "Secrets:   .env "
            + (EnvFile.isTooOpen(profile.envFile()) ? "too open (run 'chmod 600')" : "private"));
  }
}
