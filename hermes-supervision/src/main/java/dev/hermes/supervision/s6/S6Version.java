package dev.hermes.supervision.s6;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The version of the s6 that {@link S6Tools} names, and whether hermes supports it. s6's programs
 * print no version, so it is read from what installed them, without running anything:
 *
 * <ol>
 *   <li>a slashpackage install (s6-overlay: {@code /command/s6-svscan} resolves to {@code
 *       /package/admin/s6-2.15.0.0/command/s6-svscan}): the directory's name;
 *   <li>a {@code --prefix} install ({@code build-s6-overlay}'s host build): {@code S6_VERSION} in
 *       {@code PREFIX/include/s6/config.h} beside {@code PREFIX/bin};
 *   <li>a Debian package whose file list holds the program: its version in dpkg's status file.
 * </ol>
 *
 * hermes is tested on s6 2.11 (Debian 12) through 2.15 (s6-overlay 3.2.3.0): older ones lack what
 * the slots rely on, newer ones are untested.
 */
public record S6Version(List<Integer> parts) implements Comparable<S6Version> {
  public static final S6Version OLDEST_SUPPORTED = new S6Version(List.of(2, 11));
  public static final S6Version NEWEST_TESTED = new S6Version(List.of(2, 15));

  private static final Pattern NUMBERS = Pattern.compile("\\d+(?:\\.\\d+)+");
  private static final Pattern SLASHPACKAGE = Pattern.compile("s6-(\\d+(?:\\.\\d+)+)");
  private static final Pattern CONFIG_H =
      Pattern.compile("#\\s*define\\s+S6_VERSION\\s+\"(\\d+(?:\\.\\d+)+)\"");

  public S6Version {
    parts = List.copyOf(parts);
  }

  /** How this version stands against what hermes is tested with. */
  public enum Support {
    SUPPORTED,
    TOO_OLD,
    UNTESTED
  }

  /** A version and where it was read from (for the operator: "from /var/lib/dpkg/status"). */
  public record Found(S6Version version, String source) {}

  /** {@code 2.11.3.2} from that text (a Debian revision or epoch around it is ignored). */
  public static Optional<S6Version> parse(String text) {
    String upstream = text.strip();
    int epoch = upstream.indexOf(':');
    if (epoch >= 0) {
      upstream = upstream.substring(epoch + 1);
    }
    Matcher m = NUMBERS.matcher(upstream);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    return Optional.of(
        new S6Version(Arrays.stream(m.group().split("\\.")).map(Integer::valueOf).toList()));
  }

  /**
   * The version of the s6 whose {@code s6-svscan} is in {@code tools}' directory; empty when none
   * of the installs above says.
   *
   * @param systemRoot where {@code var/lib/dpkg} is looked for ({@code /} outside tests)
   */
  public static Optional<Found> detect(S6Tools tools, Path systemRoot) {
    Path program = tools.binDir().resolve("s6-svscan");
    Path real = realPath(program);
    for (Path element : real) {
      Matcher m = SLASHPACKAGE.matcher(element.toString());
      if (m.matches()) {
        return parse(m.group(1)).map(v -> new Found(v, "from " + real));
      }
    }
    Path parent = real.getParent() == null ? null : real.getParent().getParent();
    if (parent != null) {
      Path config = parent.resolve("include/s6/config.h");
      Optional<S6Version> fromHeader = fromConfigHeader(config);
      if (fromHeader.isPresent()) {
        return Optional.of(new Found(fromHeader.get(), "from " + config));
      }
    }
    Path dpkg = systemRoot.resolve("var/lib/dpkg");
    Optional<String> owner = dpkgOwner(dpkg.resolve("info"), List.of(program, real));
    if (owner.isPresent()) {
      Path status = dpkg.resolve("status");
      return dpkgVersion(status, owner.get()).map(v -> new Found(v, "from " + status));
    }
    return Optional.empty();
  }

  public Support support() {
    if (compareTo(OLDEST_SUPPORTED) < 0) {
      return Support.TOO_OLD;
    }
    // 2.15.0.0 and any 2.15.x are tested; 2.16 is not.
    if (major(2).compareTo(NEWEST_TESTED) > 0) {
      return Support.UNTESTED;
    }
    return Support.SUPPORTED;
  }

  /** The first {@code count} parts: {@code 2.15} of {@code 2.15.0.0}. */
  public S6Version major(int count) {
    return new S6Version(parts.subList(0, Math.min(count, parts.size())));
  }

  @Override
  public int compareTo(S6Version other) {
    for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
      int a = i < parts.size() ? parts.get(i) : 0;
      int b = i < other.parts.size() ? other.parts.get(i) : 0;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
  }

  private static Path realPath(Path program) {
    try {
      return program.toRealPath();
    } catch (IOException e) {
      return program.toAbsolutePath().normalize();
    }
  }

  private static Optional<S6Version> fromConfigHeader(Path config) {
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    try (BufferedReader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Matcher m = CONFIG_H.matcher(line.strip());
        if (m.matches()) {
          return parse(m.group(1));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Unreadable: not this kind of install.
    }
    return Optional.empty();
  }

  /** The package ({@code s6}, {@code s6:amd64}) whose file list names one of {@code paths}. */
  private static Optional<String> dpkgOwner(Path info, List<Path> paths) {
    List<String> wanted = new ArrayList<>();
    paths.forEach(p -> wanted.add(p.toString()));
    if (!Files.isDirectory(info)) {
      return Optional.empty();
    }
    DirectoryStream.Filter<Path> s6Lists =
        p -> {
          String name = p.getFileName().toString();
          return name.equals("s6.list") || (name.startsWith("s6:") && name.endsWith(".list"));
        };
    try (DirectoryStream<Path> lists = Files.newDirectoryStream(info, s6Lists)) {
      for (Path list : lists) {
        try (BufferedReader in = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (wanted.contains(line.strip())) {
              String name = list.getFileName().toString();
              return Optional.of(name.substring(0, name.length() - ".list".length()));
            }
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // No readable dpkg database: not a Debian package.
    }
    return Optional.empty();
  }

  /** {@code Version:} of the installed package {@code name} ({@code s6:amd64} is {@code s6}). */
  private static Optional<S6Version> dpkgVersion(Path status, String name) {
    String packageName = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    try (BufferedReader in = Files.newBufferedReader(status, StandardCharsets.UTF_8)) {
      boolean inStanza = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty()) {
          inStanza = false;
        } else if (line.startsWith("Package: ")) {
          inStanza = line.substring("Package: ".length()).strip().equals(packageName);
        } else if (inStanza && line.startsWith("Version: ")) {
          return parse(line.substring("Version: ".length()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Unreadable status: version unknown.
    }
    return Optional.empty();
  }
}
