package io.github.jetcdctl.k8s;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.output.GoJsonWriter;
import io.github.jetcdctl.output.LineDiff;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.recovery.HistoryEntry;

/**
 * One JSON object per line and per value, escaped as Go escapes JSON: {@code {"key":KEY,"object":{...}}} for get,
 * with {@code "type":"PUT"} or {@code "DELETE"} first for watch. Instead of {@code object}: {@code object} and
 * {@code note} for an object decoded in part, {@code encrypted} ({@code provider}, {@code version},
 * {@code keyName}, {@code bytes}) for a value encrypted at rest, {@code value} for other text,
 * {@code valueBase64} for other bytes, nothing for a deleted key. With --prev-kv, {@code previous} holds the value
 * before the event in the same members.
 */
final class JsonLines implements DecodedDocuments {
    private final Output out;

    JsonLines(Output out) {
        this.out = out;
    }

    @Override
    public void write(String eventType, ByteString key, StoredValue value, StoredValue previous) {
        GoJsonWriter json = new GoJsonWriter().beginObject();
        if (eventType != null) {
            json.name("type").value(eventType);
        }
        json.name("key").utf8Value(key.toByteArray());
        members(json, value);
        if (previous != null) {
            json.name("previous").beginObject();
            members(json, previous);
            json.endObject();
        }
        out.println(json.endObject().toString());
    }

    /**
     * {@code {"revision":N,"type":T,"key":KEY,"found_in":[...],...the value's members...}}; with a previous value,
     * {@code "diff_from":N,"diff":[lines]} instead of the value's members.
     */
    @Override
    public void history(HistoryEntry entry, StoredValue value, StoredValue previous, long previousRevision) {
        GoJsonWriter json = new GoJsonWriter().beginObject().name("revision").value(entry.revision())
                .name("type").value(entry.type()).name("key").utf8Value(entry.kv().getKey().toByteArray())
                .name("found_in").beginArray();
        entry.foundIn().forEach(json::value);
        json.endArray();
        if (previous == null) {
            members(json, value);
        } else {
            YamlDocuments yaml = new YamlDocuments(out);
            json.name("diff_from").value(previousRevision).name("diff").beginArray();
            LineDiff.unified(yaml.body(previous), yaml.body(value)).forEach(json::value);
            json.endArray();
        }
        out.println(json.endObject().toString());
    }

    @Override
    public String progressLine(long revision) {
        return new GoJsonWriter().beginObject().name("progressNotify").value(revision).endObject().toString();
    }

    private static void members(GoJsonWriter json, StoredValue value) {
        if (value instanceof StoredValue.KubernetesObject o) {
            json.name("object");
            tree(json, o.object());
        } else if (value instanceof StoredValue.PartialObject p) {
            json.name("object");
            tree(json, p.object());
            json.name("note").value(p.note());
        } else if (value instanceof StoredValue.Encrypted e) {
            json.name("encrypted").beginObject()
                    .name("provider").value(e.provider())
                    .name("version").value(e.version())
                    .name("keyName").value(e.keyName())
                    .name("bytes").value(e.length())
                    .endObject();
        } else if (value instanceof StoredValue.Text t) {
            json.name("value").value(t.text());
        } else if (value instanceof StoredValue.Binary b) {
            json.name("valueBase64").base64Value(b.bytes());
        }
    }

    private static void tree(GoJsonWriter json, Object value) {
        if (value instanceof Map<?, ?> map) {
            json.beginObject();
            map.forEach((k, v) -> {
                json.name(String.valueOf(k));
                tree(json, v);
            });
            json.endObject();
        } else if (value instanceof List<?> list) {
            json.beginArray();
            list.forEach(item -> tree(json, item));
            json.endArray();
        } else if (value instanceof String s) {
            json.value(s);
        } else if (value instanceof Long l) {
            json.value(l);
        } else if (value instanceof Boolean b) {
            json.value(b);
        } else if (value instanceof BigDecimal d) {
            json.raw(d.toString());
        } else if (value instanceof Double d) {
            json.raw(number(d));
        } else {
            json.nullValue();
        }
    }

    /** As Go writes a float64: no exponent below 1e21, no trailing zeros; JSON has no NaN or infinity. */
    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        BigDecimal exact = BigDecimal.valueOf(d).stripTrailingZeros();
        return Math.abs(d) < 1e21 ? exact.toPlainString() : exact.toString();
    }
}
