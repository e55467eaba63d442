package io.github.jetcdctl.output;

import java.util.List;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;

/** The JSON document, table and simple lines of {@code history}. */
final class HistoryOutput {
    private HistoryOutput() {
    }

    /**
     * {@code {"sources":[{"source":S,"compact_revision":N}...],"history":[{"revision":N,"type":"PUT",
     * "kv":{...as get -w json...},"found_in":[...]}...]}}; a delete's kv holds only its key.
     */
    static String json(KeyHistory history, List<HistoryEntry> entries, boolean keysOnly) {
        GoJsonWriter w = new GoJsonWriter().beginObject().name("sources").beginArray();
        for (String source : history.sourceNames()) {
            w.beginObject().name("source").value(source)
                    .name("compact_revision").value(history.compactRevision(source)).endObject();
        }
        w.endArray().name("history").beginArray();
        for (HistoryEntry e : entries) {
            w.beginObject().name("revision").value(e.revision()).name("type").value(e.type())
                    .name("kv").message(keysOnly ? e.kv().toBuilder().clearValue().build() : e.kv())
                    .name("found_in").beginArray();
            e.foundIn().forEach(w::value);
            w.endArray().endObject();
        }
        return w.endArray().endObject().toString();
    }

    static String table(List<HistoryEntry> entries, AsciiTable.Style style) {
        AsciiTable table = new AsciiTable(List.of("revision", "type", "key", "create revision", "version", "lease",
                "value bytes", "found in"), style);
        for (HistoryEntry e : entries) {
            table.addRow(List.of(Long.toString(e.revision()), e.type(), text(e.kv().getKey()),
                    e.delete() ? "" : Long.toString(e.kv().getCreateRevision()),
                    e.delete() ? "" : Long.toString(e.kv().getVersion()),
                    e.delete() ? "" : GoHex.unsigned(e.kv().getLease()),
                    e.delete() ? "" : Long.toString(e.kv().getValue().size()),
                    String.join(", ", e.foundIn())));
        }
        return table.render();
    }

    /**
     * The line that heads an entry in the simple format: {@code REV TYPE KEY}, then for a put its create revision,
     * version and lease, then {@code in SOURCE, SOURCE}.
     */
    static String simpleHeading(HistoryEntry e, String key) {
        StringBuilder line = new StringBuilder().append(e.revision()).append(' ').append(e.type()).append(' ')
                .append(key);
        if (!e.delete()) {
            line.append(" create_revision=").append(e.kv().getCreateRevision())
                    .append(" version=").append(e.kv().getVersion())
                    .append(" lease=").append(GoHex.unsigned(e.kv().getLease()));
        }
        return line.append(" in ").append(String.join(", ", e.foundIn())).toString();
    }

    private static String text(ByteString key) {
        return key.isValidUtf8() ? key.toStringUtf8() : GoHex.escapedBytes(key.toByteArray());
    }
}
