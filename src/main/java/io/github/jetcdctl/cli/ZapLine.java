package io.github.jetcdctl.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON log lines etcdctl 3.5's zap logger writes to stderr, for the few messages scripts may grep. */
final class ZapLine {
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ZapLine() {
    }

    static String warn(String caller, String msg, String field, String value) {
        return line("warn", caller, msg, field, value);
    }

    static String fatal(String caller, String msg, String field, String value) {
        return line("fatal", caller, msg, field, value);
    }

    private static String line(String level, String caller, String msg, String field, String value) {
        return "{\"level\":\"" + level + "\",\"ts\":\"" + TS.format(Instant.now()) + "\",\"caller\":\"" + caller
                + "\",\"msg\":\"" + escape(msg) + "\",\"" + field + "\":\"" + escape(value) + "\"}";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
