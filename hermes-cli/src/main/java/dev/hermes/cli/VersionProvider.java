package dev.hermes.cli;

import dev.hermes.core.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code hermes --version}: the product version from the build. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"hermes " + Version.get()};
  }
}
