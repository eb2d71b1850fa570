package dev.hermes.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the process: mappers are thread-safe and costly to build. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
