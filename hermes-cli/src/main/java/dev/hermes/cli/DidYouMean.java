package dev.hermes.cli;

import java.util.Collection;
import java.util.Optional;

/**
 * The "did you mean" of an unknown command or option: the known word closest to what was typed, by
 * optimal-string-alignment distance (Levenshtein plus the swap of two neighbours, the commonest
 * typo: {@code stauts}). Only close words are offered — a far-fetched suggestion is worse than
 * none.
 */
final class DidYouMean {
  /** More edits than this and the typed word is something else, not a typo. */
  private static final int MAX_EDITS = 2;

  private DidYouMean() {}

  /** {@code " (did you mean 'gateway'?)"}, or empty when no known word is close. */
  static String hint(String typed, Collection<String> known) {
    return closest(typed, known).map(word -> " (did you mean '" + word + "'?)").orElse("");
  }

  /** The closest known word, the first one listed on a tie; empty when none is close. */
  static Optional<String> closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String word : known) {
      int distance = distance(typed, word);
      if (distance > 0 && distance < bestDistance && isClose(typed, word, distance)) {
        best = word;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Close: at most two edits, and at most a third of the word (at least one), and fewer edits than
   * the typed word has letters, dashes left aside: so {@code -x} is never "-p with one typo".
   */
  static boolean isClose(String typed, String word, int distance) {
    int typedLetters = stripDashes(typed).length();
    int longer = Math.max(typedLetters, stripDashes(word).length());
    return distance <= MAX_EDITS && distance <= Math.max(1, longer / 3) && distance < typedLetters;
  }

  /** Edits (insert, delete, substitute, swap two neighbours) that turn {@code a} into {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }

  private static String stripDashes(String word) {
    int start = 0;
    while (start < word.length() && word.charAt(start) == '-') {
      start++;
    }
    return word.substring(start);
  }
}
