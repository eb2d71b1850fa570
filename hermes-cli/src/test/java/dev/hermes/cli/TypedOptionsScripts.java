package dev.hermes.cli;

import java.util.Locale;

/**
 * The completion scripts of {@link TypedOptionsTest}'s tree, whose options hermes's own commands do
 * not all have yet (one that takes one of a fixed set), for {@code it.CompletionIT} to run in the
 * real shells.
 */
public final class TypedOptionsScripts {
  private TypedOptionsScripts() {}

  /** The script for {@code shell}: {@code bash} or {@code zsh}. */
  public static String render(String shell) {
    return CompletionScript.valueOf(shell.toUpperCase(Locale.ROOT))
        .render(TypedOptionsTest.Tree.root());
  }
}
