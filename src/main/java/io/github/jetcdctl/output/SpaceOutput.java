package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.jetcdctl.space.BackendQuota;
import io.github.jetcdctl.space.DbSpace;
import io.github.jetcdctl.space.EncryptionAudit;
import io.github.jetcdctl.space.GroupTotals;
import io.github.jetcdctl.space.LargeObject;
import io.github.jetcdctl.space.SpaceReport;

/**
 * The space report: aligned text columns for people (simple), bordered tables (table), and JSON lines for
 * scripts (one {@code group} line per group, one {@code largest} line per object, then one {@code summary}).
 * Keys and group names that are not plain printable text are quoted as Go's %q does; with --hex they are
 * {@code \xNN} escapes in every format.
 */
final class SpaceOutput {
    private SpaceOutput() {
    }

    static String text(SpaceReport r, boolean hex) {
        StringBuilder out = new StringBuilder();
        out.append(columns(groupHeaders(r), groupRows(r, hex), 1 + (r.byNamespace() ? 1 : 0)));
        if (!r.largest().isEmpty()) {
            out.append('\n').append(columns(List.of("SIZE", "LARGEST OBJECTS"), largestRows(r, hex), 0));
        }
        if (hasEncryption(r)) {
            out.append('\n').append(columns(encryptionHeaders(r), encryptionRows(r, hex), 2
                    + (r.byNamespace() ? 1 : 0)));
        }
        if (!r.audit().isEmpty()) {
            out.append('\n').append(columns(List.of("AUDIT", "ENCRYPTION AT REST"), auditRows(r), 0));
        }
        out.append('\n');
        for (String[] line : summaryLines(r)) {
            out.append(String.format(Locale.ROOT, "%-16s %s%n", line[0] + ":", line[1]));
        }
        return out.toString();
    }

    static String table(SpaceReport r, boolean hex, AsciiTable.Style style) {
        StringBuilder out = new StringBuilder();
        out.append(AsciiTable.render(groupHeaders(r), groupRows(r, hex), style));
        if (!r.largest().isEmpty()) {
            out.append(AsciiTable.render(List.of("SIZE", "LARGEST OBJECTS"), largestRows(r, hex), style));
        }
        if (hasEncryption(r)) {
            out.append(AsciiTable.render(encryptionHeaders(r), encryptionRows(r, hex), style));
        }
        if (!r.audit().isEmpty()) {
            out.append(AsciiTable.render(List.of("AUDIT", "ENCRYPTION AT REST"), auditRows(r), style));
        }
        List<List<String>> summary = new ArrayList<>();
        for (String[] line : summaryLines(r)) {
            summary.add(List.of(line[0], line[1]));
        }
        out.append(AsciiTable.render(List.of(), summary, style));
        return out.toString();
    }

    static List<String> jsonLines(SpaceReport r, boolean hex) {
        List<String> lines = new ArrayList<>();
        for (GroupTotals g : r.groups()) {
            GoJsonWriter w = new GoJsonWriter().beginObject().name("type").value("group").name("group");
            bytes(w, g.name().name(), hex);
            if (g.name().namespace() != null) {
                w.name("namespace").value(g.name().namespace());
            }
            w.name("keys").value(g.keys()).name("keyBytes").value(g.keyBytes()).name("valueBytes")
                    .value(g.valueBytes());
            if (r.offline()) {
                w.name("revisions").value(g.revisions()).name("historyBytes").value(g.historyBytes());
            }
            w.name("storedAs").beginObject();
            for (Map.Entry<String, Long> e : g.storedAs().entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            lines.add(w.endObject().endObject().toString());
        }
        for (LargeObject o : r.largest()) {
            GoJsonWriter w = new GoJsonWriter().beginObject().name("type").value("largest").name("key");
            bytes(w, o.key(), hex);
            lines.add(w.name("bytes").value(o.bytes()).endObject().toString());
        }
        for (EncryptionAudit.Finding f : r.audit()) {
            GoJsonWriter w = new GoJsonWriter().beginObject().name("type").value("audit")
                    .name("resource").value(f.resource()).name("passed").value(f.passed())
                    .name("values").value(f.values()).name("plaintext").value(f.plaintext())
                    .name("disallowed").beginObject();
            f.disallowed().forEach((k, v) -> w.name(k).value(v));
            lines.add(w.endObject().endObject().toString());
        }
        DbSpace db = r.db();
        GoJsonWriter w = new GoJsonWriter().beginObject().name("type").value("summary")
                .name("source").value(r.source())
                .name("memberId").value(r.memberId() == 0 ? "" : GoHex.unsigned(r.memberId()))
                .name("offline").value(r.offline())
                .name("revision").value(r.revision());
        if (r.offline()) {
            w.name("compactedRevision").value(r.compactedRevision());
        }
        w.name("groups").value(r.groups().size())
                .name("keys").value(r.keys()).name("keyBytes").value(r.keyBytes())
                .name("valueBytes").value(r.valueBytes());
        if (r.offline()) {
            w.name("revisions").value(r.revisions()).name("historyBytes").value(r.historyBytes());
        }
        w.name("dbSize").value(db.dbSize()).name("dbSizeInUse").value(db.inUse()).name("free").value(db.free())
                .name("quota").value(db.quota().bytes())
                .name("quotaSource").value(quotaSourceName(db.quota().source()))
                .name("alarms").beginArray();
        db.alarms().forEach(w::value);
        lines.add(w.endArray().endObject().toString());
        return lines;
    }

    private static String quotaSourceName(BackendQuota.Source source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    private static void bytes(GoJsonWriter w, byte[] bytes, boolean hex) {
        if (hex) {
            w.value(GoHex.escapedBytes(bytes));
        } else {
            w.utf8Value(bytes);
        }
    }

    private static List<String> groupHeaders(SpaceReport r) {
        List<String> headers = new ArrayList<>(List.of("GROUP"));
        if (r.byNamespace()) {
            headers.add("NAMESPACE");
        }
        headers.addAll(List.of("KEYS", "KEY BYTES", "VALUE BYTES"));
        if (r.offline()) {
            headers.addAll(List.of("REVISIONS", "HISTORY"));
        }
        headers.add("SHARE");
        return headers;
    }

    private static List<List<String>> groupRows(SpaceReport r, boolean hex) {
        long total = r.offline() ? r.historyBytes() : r.keyBytes() + r.valueBytes();
        List<List<String>> rows = new ArrayList<>();
        for (GroupTotals g : r.groups()) {
            List<String> row = new ArrayList<>(List.of(label(g.name().name(), hex)));
            if (r.byNamespace()) {
                row.add(g.name().namespace() == null || g.name().namespace().isEmpty() ? "-" : g.name().namespace());
            }
            row.addAll(List.of(Long.toString(g.keys()), HumanBytes.format(g.keyBytes()),
                    HumanBytes.format(g.valueBytes())));
            if (r.offline()) {
                row.addAll(List.of(Long.toString(g.revisions()), HumanBytes.format(g.historyBytes())));
            }
            row.add(percent(r.offline() ? g.historyBytes() : g.currentBytes(), total));
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> largestRows(SpaceReport r, boolean hex) {
        List<List<String>> rows = new ArrayList<>();
        for (LargeObject o : r.largest()) {
            rows.add(List.of(HumanBytes.format(o.bytes()), label(o.key(), hex)));
        }
        return rows;
    }

    private static boolean hasEncryption(SpaceReport r) {
        return r.groups().stream().anyMatch(g -> g.storedAs().size() > 1 || g.plaintextValues() < g.keys());
    }

    private static List<String> encryptionHeaders(SpaceReport r) {
        List<String> headers = new ArrayList<>(List.of("GROUP"));
        if (r.byNamespace()) {
            headers.add("NAMESPACE");
        }
        headers.addAll(List.of("STORED AS", "VALUES"));
        return headers;
    }

    /** Only groups with at least one value encrypted at rest. */
    private static List<List<String>> encryptionRows(SpaceReport r, boolean hex) {
        List<List<String>> rows = new ArrayList<>();
        for (GroupTotals g : r.groups()) {
            if (g.plaintextValues() == g.keys()) {
                continue;
            }
            for (Map.Entry<String, Long> e : g.storedAs().entrySet()) {
                List<String> row = new ArrayList<>(List.of(label(g.name().name(), hex)));
                if (r.byNamespace()) {
                    row.add(g.name().namespace() == null || g.name().namespace().isEmpty() ? "-"
                            : g.name().namespace());
                }
                row.addAll(List.of(e.getKey(), Long.toString(e.getValue())));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> auditRows(SpaceReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (EncryptionAudit.Finding f : r.audit()) {
            rows.add(List.of(f.passed() ? "PASS" : "FAIL", f.describe()));
        }
        return rows;
    }

    private static List<String[]> summaryLines(SpaceReport r) {
        DbSpace db = r.db();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {r.offline() ? "file" : "member", r.source()
                + (r.memberId() == 0 ? "" : " (" + GoHex.unsigned(r.memberId()) + ")")});
        lines.add(new String[] {"revision", r.revision() + (r.offline() && r.compactedRevision() > 0
                ? ", compacted at " + r.compactedRevision() : "")});
        lines.add(new String[] {"keys", r.keys() + " in " + r.groups().size()
                + (r.groups().size() == 1 ? " group: " : " groups: ")
                + HumanBytes.format(r.keyBytes() + r.valueBytes()) + " of keys and current values"});
        if (r.offline()) {
            lines.add(new String[] {"history", r.revisions() + " kept revisions: "
                    + HumanBytes.format(r.historyBytes()) + " in the db"});
        }
        lines.add(new String[] {"db size", HumanBytes.format(db.dbSize())});
        lines.add(new String[] {"in use", HumanBytes.format(db.inUse()) + " (" + percent(db.inUse(), db.dbSize())
                + ")"});
        lines.add(new String[] {"free", HumanBytes.format(db.free()) + " (" + percent(db.free(), db.dbSize())
                + "), given back by a defragmentation"});
        lines.add(new String[] {"quota", db.quota().known() ? HumanBytes.format(db.quota().bytes()) + " (from "
                + db.quota().source().description() + "), db size at " + percent(db.dbSize(), db.quota().bytes())
                + " of it" : "unknown (give --quota-backend-bytes)"});
        lines.add(new String[] {"alarms", db.alarms().isEmpty() ? "none" : String.join(", ", db.alarms())});
        return lines;
    }

    static String percent(long part, long whole) {
        return whole <= 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** Plain text when the bytes are printable and unambiguous; Go's %q otherwise; {@code \xNN} with --hex. */
    static String label(byte[] bytes, boolean hex) {
        if (hex) {
            return GoHex.escapedBytes(bytes);
        }
        String quoted = GoQuote.quote(bytes);
        String inner = quoted.substring(1, quoted.length() - 1);
        boolean plain = bytes.length > 0 && inner.indexOf('\\') < 0 && inner.indexOf(' ') < 0
                && inner.indexOf('"') < 0;
        return plain ? inner : quoted;
    }

    /** Left-aligned text columns (the first {@code textColumns}, and the last), right-aligned numbers between. */
    private static String columns(List<String> headers, List<List<String>> rows, int textColumns) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = DisplayWidth.of(headers.get(i));
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths, textColumns);
        for (List<String> row : rows) {
            line(out, row, widths, textColumns);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, int textColumns) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(Math.max(0, widths[i] - DisplayWidth.of(cell)));
            boolean left = i < textColumns || i == cells.size() - 1 && textColumns == 0;
            if (i > 0) {
                line.append("  ");
            }
            line.append(left ? cell + pad : pad + cell);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
