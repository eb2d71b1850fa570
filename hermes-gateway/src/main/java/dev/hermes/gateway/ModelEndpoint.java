package dev.hermes.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where /v1/messages relays to: an OpenAI-compatible {@code chat/completions} URL, the model name
 * sent with each request, the bearer key (absent for local servers that need none) and how long to
 * wait for an answer.
 */
record ModelEndpoint(URI chatCompletions, String model, Optional<String> apiKey, Duration timeout) {
  @Override
  public String toString() {
    // Never print the key: this record ends up in log lines.
    return "ModelEndpoint[" + chatCompletions + ", model=" + model + "]";
  }
}
