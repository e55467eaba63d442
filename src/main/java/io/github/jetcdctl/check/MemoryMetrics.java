package io.github.jetcdctl.check;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.ServerMetrics;

/** A member's {@code process_resident_memory_bytes}, read from its metrics page as etcdctl reads it. */
public final class MemoryMetrics {
    static final String RESIDENT_MEMORY = "process_resident_memory_bytes";
    private static final Pattern GO_DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private MemoryMetrics() {
    }

    /**
     * The resident memory in bytes, or 0 when it cannot be read, after giving {@code problems} the line
     * etcdctl prints about why (none when the page says 0).
     */
    public static double residentBytes(String url, ConnectionSettings settings, Consumer<String> problems) {
        String page;
        try {
            page = ServerMetrics.fetch(url, settings);
        } catch (IOException e) {
            problems.accept(e.getMessage());
            return 0;
        }
        return residentBytes(page, problems);
    }

    /** The value of the first line that starts with the metric's name, as etcdctl finds it. */
    static double residentBytes(String page, Consumer<String> problems) {
        String value = null;
        for (String line : page.split("\n", -1)) {
            if (line.startsWith(RESIDENT_MEMORY)) {
                value = line.substring(RESIDENT_MEMORY.length()).strip();
                break;
            }
        }
        if (value == null || value.isEmpty()) {
            problems.accept("could not find: " + RESIDENT_MEMORY);
            return 0;
        }
        try {
            return parseGoFloat(value);
        } catch (NumberFormatException e) {
            problems.accept("parse error: strconv.ParseFloat: parsing \"" + value + "\": invalid syntax");
            return 0;
        }
    }

    /** strconv.ParseFloat for the decimal forms and Inf/NaN words a metrics page holds. */
    static double parseGoFloat(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!GO_DECIMAL_FLOAT.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }
}
