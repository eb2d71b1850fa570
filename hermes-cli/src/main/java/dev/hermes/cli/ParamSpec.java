package dev.hermes.cli;

/** A positional parameter, e.g. the {@code NAME} of {@code profile create NAME}. */
public record ParamSpec(String label, String description, boolean required) {}
