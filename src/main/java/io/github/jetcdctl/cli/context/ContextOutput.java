package io.github.jetcdctl.cli.context;

import java.util.List;
import java.util.Map;

import io.github.jetcdctl.config.NamedContext;
import io.github.jetcdctl.output.AsciiTable;
import io.github.jetcdctl.output.GoJsonWriter;

/** How the context commands print contexts: names, a table, settings lines or JSON. */
final class ContextOutput {
    private ContextOutput() {
    }

    static String table(List<NamedContext> contexts, String current, AsciiTable.Style style) {
        AsciiTable table = new AsciiTable(List.of("CURRENT", "NAME", "ENDPOINTS", "USER", "CLIENT CERT", "COMPAT"),
                style);
        for (NamedContext context : contexts) {
            table.addRow(List.of(context.name().equals(current) ? "*" : "", context.name(), place(context),
                    context.get("user").orElse(""), context.get("cert").orElse(""),
                    context.get(NamedContext.COMPAT).orElse("")));
        }
        return table.render();
    }

    /** Its endpoints, or the domain whose SRV records name them (which etcdctl prefers when both are set). */
    private static String place(NamedContext context) {
        return context.get("discovery-srv").map(domain -> "srv:" + domain)
                .orElseGet(() -> String.join(",", context.endpoints()));
    }

    static String listJson(List<NamedContext> contexts, String current) {
        GoJsonWriter json = new GoJsonWriter().beginObject().name("current").value(current).name("contexts")
                .beginArray();
        for (NamedContext context : contexts) {
            write(json, context);
        }
        return json.endArray().endObject().toString();
    }

    static String showJson(NamedContext context) {
        return write(new GoJsonWriter(), context).toString();
    }

    /** One {@code setting: value} line each, endpoints joined by commas, as in the config file. */
    static String lines(NamedContext context) {
        StringBuilder text = new StringBuilder("name: ").append(context.name()).append('\n');
        for (Map.Entry<String, String> setting : context.settings().entrySet()) {
            text.append(setting.getKey()).append(": ").append(setting.getValue()).append('\n');
        }
        return text.toString();
    }

    private static GoJsonWriter write(GoJsonWriter json, NamedContext context) {
        json.beginObject().name("name").value(context.name());
        for (Map.Entry<String, String> setting : context.settings().entrySet()) {
            json.name(setting.getKey());
            if (setting.getKey().equals("endpoints")) {
                json.beginArray();
                for (String endpoint : context.endpoints()) {
                    json.value(endpoint);
                }
                json.endArray();
            } else {
                json.value(setting.getValue());
            }
        }
        return json.endObject();
    }
}
