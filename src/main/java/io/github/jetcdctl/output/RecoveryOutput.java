package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.jetcdctl.defrag.MemberCheck;
import io.github.jetcdctl.defrag.RecoveryReport;
import io.github.jetcdctl.space.GroupTotals;

/** The report of {@code alarm recover}: text lines (with the rolling report inside), or one JSON document. */
final class RecoveryOutput {
    private RecoveryOutput() {
    }

    static String text(RecoveryReport r) {
        StringBuilder out = new StringBuilder();
        if (r.alarms().isEmpty()) {
            return "no NOSPACE alarm: nothing to recover\n";
        }
        line(out, "alarms", String.join(", ", r.alarms()));
        line(out, "live data", HumanBytes.format(r.liveDataBytes()) + " of keys and current values");
        line(out, "quota", HumanBytes.format(r.quotaBytes()) + "; disarm under " + percent(r.threshold()) + " ("
                + HumanBytes.format((long) (r.quotaBytes() * r.threshold())) + ")");
        if (r.defrag() != null) {
            out.append('\n').append(DefragOutput.text(r.defrag())).append('\n');
        }
        if (!r.after().isEmpty()) {
            List<String> sizes = new ArrayList<>();
            for (MemberCheck m : r.after()) {
                sizes.add(m.label() + " " + HumanBytes.format(m.db().dbSize()) + " ("
                        + percent((double) m.db().dbSize() / r.quotaBytes()) + ")");
            }
            line(out, "db sizes", String.join(", ", sizes));
        }
        line(out, "disarmed", r.disarmed().isEmpty() ? "none" : String.join(", ", r.disarmed()));
        if (!r.refusedBecause().isEmpty()) {
            line(out, "refused", r.refusedBecause());
        }
        if (!r.refusedBecause().isEmpty() && !r.largestGroups().isEmpty()) {
            out.append("\nlargest groups (jetcdctl space for the whole report):\n");
            for (GroupTotals g : r.largestGroups()) {
                out.append(String.format(Locale.ROOT, "  %-40s %10d keys  %s%n", SpaceOutput.label(g.name().name(),
                        false), g.keys(), HumanBytes.format(g.currentBytes())));
            }
        }
        return out.toString();
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

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-16s %s%n", name + ":", value));
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
