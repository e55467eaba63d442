package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.jetcdctl.defrag.MemberCheck;
import io.github.jetcdctl.defrag.RecoveryReport;
import io.github.jetcdctl.space.GroupTotals;

/**
 * The report of {@code alarm recover}: text lines (with the rolling report inside), tables, or one JSON document.
 */
final class RecoveryOutput {
    private RecoveryOutput() {
    }

    static String text(RecoveryReport r) {
        StringBuilder out = new StringBuilder();
        if (r.alarms().isEmpty()) {
            return "no NOSPACE alarm: nothing to recover\n";
        }
        before(r).forEach(line -> line(out, line));
        if (r.defrag() != null) {
            out.append('\n').append(DefragOutput.text(r.defrag())).append('\n');
        }
        if (!r.after().isEmpty()) {
            List<String> sizes = new ArrayList<>();
            for (List<String> row : sizeRows(r)) {
                sizes.add(row.get(0) + " " + row.get(1) + " (" + row.get(2) + ")");
            }
            line(out, new String[] {"db sizes", String.join(", ", sizes)});
        }
        outcome(r).forEach(line -> line(out, line));
        if (!r.refusedBecause().isEmpty() && !r.largestGroups().isEmpty()) {
            out.append("\nlargest groups (jetcdctl space for the whole report):\n");
            for (List<String> g : groupRows(r)) {
                out.append(String.format(Locale.ROOT, "  %-40s %10s keys  %s%n", g.get(0), g.get(1), g.get(2)));
            }
        }
        return out.toString();
    }

    /** The same report as tables: the figures, the rolling defragmentation's, the db sizes after, the outcome. */
    static String table(RecoveryReport r, AsciiTable.Style style) {
        List<String> pair = List.of(); // label and value rows need no header
        if (r.alarms().isEmpty()) {
            return AsciiTable.render(pair, List.of(List.of("alarms", "none: nothing to recover")), style);
        }
        StringBuilder out = new StringBuilder(AsciiTable.render(pair, DefragOutput.pairs(before(r)), style));
        if (r.defrag() != null) {
            out.append(DefragOutput.table(r.defrag(), style));
        }
        if (!r.after().isEmpty()) {
            out.append(AsciiTable.render(List.of("MEMBER", "DB SIZE AFTER", "OF QUOTA"), sizeRows(r), style));
        }
        out.append(AsciiTable.render(pair, DefragOutput.pairs(outcome(r)), style));
        if (!r.refusedBecause().isEmpty() && !r.largestGroups().isEmpty()) {
            out.append(AsciiTable.render(List.of("LARGEST GROUPS", "KEYS", "SIZE"), groupRows(r), style));
        }
        return out.toString();
    }

    private static List<String[]> before(RecoveryReport r) {
        return List.of(new String[] {"alarms", String.join(", ", r.alarms())},
                new String[] {"live data", HumanBytes.format(r.liveDataBytes()) + " of keys and current values"},
                new String[] {"quota", HumanBytes.format(r.quotaBytes()) + "; disarm under " + percent(r.threshold())
                        + " (" + HumanBytes.format((long) (r.quotaBytes() * r.threshold())) + ")"});
    }

    private static List<String[]> outcome(RecoveryReport r) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"disarmed", r.disarmed().isEmpty() ? "none" : String.join(", ", r.disarmed())});
        if (!r.refusedBecause().isEmpty()) {
            lines.add(new String[] {"refused", r.refusedBecause()});
        }
        return lines;
    }

    private static List<List<String>> sizeRows(RecoveryReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (MemberCheck m : r.after()) {
            rows.add(List.of(m.label(), HumanBytes.format(m.db().dbSize()),
                    percent((double) m.db().dbSize() / r.quotaBytes())));
        }
        return rows;
    }

    private static List<List<String>> groupRows(RecoveryReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (GroupTotals g : r.largestGroups()) {
            rows.add(List.of(SpaceOutput.label(g.name().name(), false), String.valueOf(g.keys()),
                    HumanBytes.format(g.currentBytes())));
        }
        return rows;
    }

    static String json(RecoveryReport r) {
        GoJsonWriter w = new GoJsonWriter().beginObject().name("alarms").beginArray();
        r.alarms().forEach(w::value);
        w.endArray().name("liveDataBytes").value(r.liveDataBytes()).name("quota").value(r.quotaBytes())
                .name("threshold").raw(String.format(Locale.ROOT, "%s", r.threshold()))
                .name("defrag");
        if (r.defrag() == null) {
            w.nullValue();
        } else {
            w.raw(DefragOutput.json(r.defrag()));
        }
        w.name("after").beginArray();
        for (MemberCheck m : r.after()) {
            w.beginObject().name("id").value(GoHex.unsigned(m.id())).name("name").value(m.name())
                    .name("dbSize").value(m.db().dbSize()).endObject();
        }
        w.endArray().name("disarmed").beginArray();
        r.disarmed().forEach(w::value);
        w.endArray().name("refusedBecause").value(r.refusedBecause()).name("largestGroups").beginArray();
        for (GroupTotals g : r.largestGroups()) {
            w.beginObject().name("group").utf8Value(g.name().name()).name("keys").value(g.keys())
                    .name("bytes").value(g.currentBytes()).endObject();
        }
        return w.endArray().name("exitCode").value(r.exitCode()).endObject().toString();
    }

    private static void line(StringBuilder out, String[] line) {
        out.append(String.format(Locale.ROOT, "%-16s %s%n", line[0] + ":", line[1]));
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
