package dev.hermes.cli;

import dev.hermes.core.EnvFile;
import dev.hermes.core.Profile;
import dev.hermes.core.ProfileSummary;
import java.io.PrintWriter;
import java.nio.file.Files;

/** {@code hermes profile show [NAME]}: one profile's paths, port and state. */
public final class ProfileShowCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("show")
        .describe("Show one profile (NAME, else the -p profile): paths, port, state.")
        .optionalParam("NAME", "Profile (default: -p).")
        .namesAProfile("NAME");
  }

  @Override
  public int run(Invocation in) {
    String name = in.param(0);
    Profile profile = in.context().profiles().require(name == null ? in.profile() : name);
    ProfileSummary summary = ProfileSummary.of(profile);
    PrintWriter out = in.out();
    out.println("Profile:   " + summary.name());
    out.println("Directory: " + summary.dir());
    out.println("Logs:      " + profile.logDir());
    out.println("Port:      " + (summary.port() == null ? "-" : summary.port()));
    if (summary.configError() != null) {
      out.println("Config:    " + summary.configError());
    } else {
      out.println("Host:      " + profile.config().gatewayHost());
    }
    out.println("Desired:   " + Table.orDash(summary.desired()));
    out.println("Reported:  " + Table.orDash(summary.reported()));
    out.println("Secrets:   .env " + secrets(profile));
    return 0;
  }

  private static String secrets(Profile profile) {
    if (Files.isSymbolicLink(profile.envFile())) {
      return "is a symbolic link (hermes does not follow it: replace it with the file itself)";
    }
    return EnvFile.isTooOpen(profile.envFile()) ? "too open (run 'chmod 600')" : "private";
  }
}
