package dev.hermes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  @Test
  void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertThat(DidYouMean.distance("gateway", "gateway")).isZero();
    assertThat(DidYouMean.distance("gatway", "gateway")).isEqualTo(1);
    assertThat(DidYouMean.distance("stauts", "status")).isEqualTo(1);
    assertThat(DidYouMean.distance("--jsn", "--json")).isEqualTo(1);
    assertThat(DidYouMean.distance("strat", "start")).isEqualTo(1);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(DidYouMean.distance("", "up")).isEqualTo(2);
  }

  @Test
  void suggestsTheClosestKnownWord() {
    List<String> commands = List.of("run", "start", "stop", "restart", "status", "top");
    assertThat(DidYouMean.closest("stauts", commands)).contains("status");
    assertThat(DidYouMean.closest("strat", commands)).contains("start");
    assertThat(DidYouMean.closest("restat", commands)).contains("restart");
    assertThat(DidYouMean.hint("stpo", commands)).isEqualTo(" (did you mean 'stop'?)");
  }

  @Test
  void offersNothingFarFromWhatWasTyped() {
    List<String> commands = List.of("status", "up", "profile", "gateway", "doctor");
    assertThat(DidYouMean.closest("deploy", commands)).isEmpty();
    assertThat(DidYouMean.closest("gtwy", commands)).as("three edits").isEmpty();
    assertThat(DidYouMean.closest("x", List.of("-p"))).isEmpty();
    assertThat(DidYouMean.closest("-x", List.of("-p", "-h", "-V"))).isEmpty();
    assertThat(DidYouMean.closest("status", commands)).as("the word itself").isEmpty();
    assertThat(DidYouMean.hint("deploy", commands)).isEmpty();
  }
}
