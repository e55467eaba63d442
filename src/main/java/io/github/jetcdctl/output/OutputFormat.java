package io.github.jetcdctl.output;

import io.github.jetcdctl.CliException;

/** The --write-out names etcdctl accepts, exactly as spelled (case-sensitive). */
public enum OutputFormat {
    SIMPLE("simple"), JSON("json"), FIELDS("fields"), PROTOBUF("protobuf"), TABLE("table");

    private final String flagValue;

    OutputFormat(String flagValue) {
        this.flagValue = flagValue;
    }

    public String flagValue() {
        return flagValue;
    }

    public static OutputFormat parse(String text) {
        for (OutputFormat format : values()) {
            if (format.flagValue.equals(text)) {
                return format;
            }
        }
        throw CliException.badFeature("unsupported output format");
    }

    /** etcdctl's error for a known format that a command does not print. */
    public CliException unsupported() {
        return CliException.badFeature(flagValue + " not supported as output format");
    }
}
