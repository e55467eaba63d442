package io.github.jetcdctl.cli;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The log lines etcdutl writes to stderr (snapshot restore, defrag --data-dir, migrate) in zap's console format: time,
 * level, caller and message separated by TABs, then the fields as JSON with {@code ", "} and {@code ": "} separators.
 */
public final class ConsoleLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final PrintStream err;

    public ConsoleLog(PrintStream err) {
        this.err = err;
    }

    /** {@code fields} alternate names and values; a value is a String, a Number, a Boolean or a List of Strings. */
    public void info(String caller, String message, Object... fields) {
        line("info", caller, message, fields);
    }

    public void warn(String caller, String message, Object... fields) {
        line("warn", caller, message, fields);
    }

    /** An error line, without the stack trace zap adds to it (we print none unless --debug). */
    public void error(String caller, String message, Object... fields) {
        line("error", caller, message, fields);
    }

    private void line(String level, String caller, String message, Object... fields) {
        StringBuilder line = new StringBuilder(TIME.format(ZonedDateTime.now())).append('\t').append(level)
                .append('\t').append(caller)
                .append('\t').append(message);
        if (fields.length > 0) {
            line.append("\t{");
            for (int i = 0; i < fields.length; i += 2) {
                line.append(i == 0 ? "" : ", ").append(quote((String) fields[i])).append(": ")
                        .append(value(fields[i + 1]));
            }
            line.append('}');
        }
        err.println(line);
    }

    private static String value(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(quote(list.get(i).toString()));
            }
            return sb.append(']').toString();
        }
        return quote(String.valueOf(v));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
