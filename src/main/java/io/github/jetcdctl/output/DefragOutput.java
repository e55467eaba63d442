package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.jetcdctl.defrag.MemberCheck;
import io.github.jetcdctl.defrag.RollingPlan;
import io.github.jetcdctl.defrag.RollingReport;
import io.github.jetcdctl.defrag.RuleExpression;
import io.github.jetcdctl.defrag.RuleValues;

/**
 * The report of {@code defrag --rolling} (and {@code alarm recover}'s defragmentation): one line per member in
 * plan order with its health, the plan and its reason, and the result, then totals; or one JSON document.
 */
final class DefragOutput {
    private static final List<String> HEADERS = List.of("MEMBER", "ENDPOINT", "ROLE", "HEALTH", "PLAN", "RESULT");

    private DefragOutput() {
    }

    static String text(RollingReport r) {
        StringBuilder out = new StringBuilder();
        if (r.dryRun()) {
            out.append("dry run: the plan only, nothing was touched\n");
        }
        List<List<String>> rows = rows(r);
        int[] widths = new int[HEADERS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADERS.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
            }
        }
        appendRow(out, HEADERS, widths);
        rows.forEach(row -> appendRow(out, row, widths));
        out.append('\n');
        for (String[] line : summary(r)) {
            out.append(String.format(Locale.ROOT, "%-16s %s%n", line[0] + ":", line[1]));
        }
        return out.toString();
    }

    static String table(RollingReport r, AsciiTable.Style style) {
        return AsciiTable.render(HEADERS, rows(r), style) + AsciiTable.render(List.of(), pairs(summary(r)), style);
    }

    /** Label and value lines as two-cell table rows. */
    static List<List<String>> pairs(List<String[]> lines) {
        return lines.stream().map(line -> List.of(line[0], line[1])).toList();
    }

    static String json(RollingReport r) {
        GoJsonWriter w = new GoJsonWriter().beginObject().name("dryRun").value(r.dryRun())
                .name("gatePassed").value(r.gatePassed())
                .name("compactedRevision").value(r.compactedRevision())
                .name("leaderMovedTo").value(r.leaderMovedTo() == 0 ? "" : GoHex.unsigned(r.leaderMovedTo()))
                .name("rule").value(r.plan().rule())
                .name("members").beginArray();
        List<RollingPlan.Step> steps = r.plan().steps();
        for (int i = 0; i < steps.size(); i++) {
            RollingPlan.Step step = steps.get(i);
            MemberCheck m = step.member();
            RollingReport.Outcome o = r.outcomes().get(i);
            w.beginObject().name("id").value(GoHex.unsigned(m.id())).name("name").value(m.name())
                    .name("endpoint").value(m.endpoint()).name("role").value(m.role())
                    .name("healthy").value(m.healthy()).name("problem").value(m.problem())
                    .name("nospace").value(m.nospace())
                    .name("dbSize").value(m.db().dbSize()).name("dbSizeInUse").value(m.db().inUse())
                    .name("free").value(m.db().free())
                    .name("quota").value(m.db().quota().bytes())
                    .name("ruleValues");
            ruleValues(w, RuleValues.of(m.db()));
            w.name("ruleMet").value(step.ruleMet())
                    .name("plan").value(step.defragment() ? "defragment" : "skip").name("reason").value(step.reason())
                    .name("result").value(resultName(o.result()))
                    .name("dbSizeAfter").value(o.dbSizeAfter()).name("tookMs").value(o.tookMillis())
                    .name("error").value(o.error()).endObject();
        }
        return w.endArray()
                .name("defragmented").value(r.count(RollingReport.Result.DEFRAGMENTED))
                .name("skipped").value(r.count(RollingReport.Result.SKIPPED))
                .name("failed").value(r.count(RollingReport.Result.FAILED))
                .name("notRun").value(r.count(RollingReport.Result.NOT_RUN))
                .name("stoppedBecause").value(r.stoppedBecause())
                .name("exitCode").value(r.exitCode()).endObject().toString();
    }

    /** The figures under the rule's names; sizes in bytes, ratios as fractions, null when the quota is unknown. */
    private static void ruleValues(GoJsonWriter w, RuleValues v) {
        w.beginObject();
        for (RuleExpression.Variable variable : RuleExpression.Variable.values()) {
            double value = variable.read(v);
            w.name(variable.ruleName());
            if (Double.isNaN(value)) {
                w.nullValue();
            } else if (variable.bytes()) {
                w.value((long) value);
            } else {
                w.raw(GoFloat.fixed(value, 6));
            }
        }
        w.endObject();
    }

    private static String resultName(RollingReport.Result result) {
        return result.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<List<String>> rows(RollingReport r) {
        List<List<String>> rows = new ArrayList<>();
        List<RollingPlan.Step> steps = r.plan().steps();
        for (int i = 0; i < steps.size(); i++) {
            RollingPlan.Step step = steps.get(i);
            MemberCheck m = step.member();
            RollingReport.Outcome o = r.outcomes().get(i);
            String health = (m.healthy() ? "healthy" : "unhealthy: " + m.problem()) + (m.nospace() ? ", NOSPACE" : "");
            String plan = (step.defragment() ? "defragment: " : "skip: ") + step.reason();
            rows.add(List.of(m.label(), m.endpoint(), m.role(), health, plan, result(r, o)));
        }
        return rows;
    }

    private static String result(RollingReport r, RollingReport.Outcome o) {
        return switch (o.result()) {
            case DEFRAGMENTED -> HumanBytes.format(o.dbSizeBefore()) + " -> " + HumanBytes.format(o.dbSizeAfter())
                    + " in " + GoDuration.format(o.tookMillis() * 1_000_000L);
            case FAILED -> "failed: " + o.error();
            case SKIPPED -> "skipped";
            case NOT_RUN -> r.dryRun() ? "-" : "not run";
        };
    }

    private static List<String[]> summary(RollingReport r) {
        List<String[]> lines = new ArrayList<>();
        if (!r.plan().rule().isEmpty()) {
            lines.add(new String[] {"rule", r.plan().rule()});
        }
        lines.add(new String[] {"health gate", r.gatePassed() ? "passed: every member healthy" : "refused"});
        if (r.compactedRevision() > 0) {
            lines.add(new String[] {"compacted", "to revision " + r.compactedRevision()});
        }
        if (r.leaderMovedTo() != 0) {
            lines.add(new String[] {"leader moved to", GoHex.unsigned(r.leaderMovedTo())});
        }
        lines.add(new String[] {"members", r.count(RollingReport.Result.DEFRAGMENTED) + " defragmented, "
                + r.count(RollingReport.Result.SKIPPED) + " skipped, " + r.count(RollingReport.Result.FAILED)
                + " failed, " + r.count(RollingReport.Result.NOT_RUN) + (r.dryRun() ? " planned" : " not run")});
        if (!r.stoppedBecause().isEmpty()) {
            lines.add(new String[] {"stopped", r.stoppedBecause()});
        }
        return lines;
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i)).append(" ".repeat(Math.max(0, widths[i] - DisplayWidth.of(cells.get(i)))));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
