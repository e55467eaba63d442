package io.github.jetcdctl.output;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.recovery.MemberComparison;
import io.github.jetcdctl.recovery.MemberState;

/** The JSON document, table and simple lines of {@code compare}. */
final class CompareOutput {
    private static final List<String> COLUMNS = List.of("rank", "member", "wal last index", "wal last term",
            "consistent index", "term", "revision", "compact revision", "storage version", "members", "hash");

    private CompareOutput() {
    }

    static String json(MemberComparison c) {
        GoJsonWriter w = new GoJsonWriter().beginObject().name("members").beginArray();
        for (MemberState m : c.members()) {
            w.beginObject().name("source").value(m.source()).name("rank").value(m.rank());
            if (m.wal() != null) {
                w.name("wal").beginObject().name("last_index").unsignedValue(m.wal().lastIndex())
                        .name("last_term").unsignedValue(m.wal().lastTerm())
                        .name("hard_state_term").unsignedValue(m.wal().hardStateTerm())
                        .name("commit").unsignedValue(m.wal().commitIndex()).endObject();
            }
            w.name("consistent_index").unsignedValue(m.db().consistentIndex())
                    .name("term").unsignedValue(m.db().term())
                    .name("revision").value(m.db().revision())
                    .name("compact_revision").value(m.db().compactRevision())
                    .name("storage_version").value(m.db().storageVersion())
                    .name("member_ids").beginArray();
            m.memberIds().forEach(w::value);
            w.endArray();
            if (m.hash() != null) {
                w.name("hash").unsignedValue(m.hash());
            }
            w.endObject();
        }
        w.endArray().name("candidate").value(c.candidate().source())
                .name("common_revision").value(c.commonRevision())
                .name("differing_keys").beginArray();
        c.differingKeys().forEach(k -> w.utf8Value(k.toByteArray()));
        return w.endArray().endObject().toString();
    }

    static String table(MemberComparison c, AsciiTable.Style style) {
        AsciiTable table = new AsciiTable(COLUMNS, style);
        rows(c).forEach(table::addRow);
        return table.render() + summary(c);
    }

    /** etcdctl's simple form of a table: each row's cells joined by ", ". */
    static String simple(MemberComparison c) {
        StringBuilder out = new StringBuilder();
        rows(c).forEach(row -> out.append(String.join(", ", row)).append('\n'));
        return out.append(summary(c)).toString();
    }

    private static List<List<String>> rows(MemberComparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (MemberState m : c.members()) {
            rows.add(List.of(Integer.toString(m.rank()), m.source(),
                    m.wal() == null ? "-" : Long.toUnsignedString(m.wal().lastIndex()),
                    m.wal() == null ? "-" : Long.toUnsignedString(m.wal().lastTerm()),
                    Long.toUnsignedString(m.db().consistentIndex()), Long.toUnsignedString(m.db().term()),
                    Long.toString(m.db().revision()), Long.toString(m.db().compactRevision()),
                    m.db().storageVersion().isEmpty() ? "-" : m.db().storageVersion(),
                    String.join(" ", m.memberIds()),
                    m.hash() == null ? "-" : Long.toUnsignedString(m.hash())));
        }
        return rows;
    }

    private static String summary(MemberComparison c) {
        StringBuilder out = new StringBuilder("candidate to restart from: ").append(c.candidate().source())
                .append('\n');
        if (c.commonRevision() == 0) {
            return out.append("no common revision: one member's compaction is newer than another's newest revision\n")
                    .toString();
        }
        out.append("hashes at revision ").append(c.commonRevision()).append(", the newest all members hold; ");
        if (c.differingKeys().isEmpty()) {
            return out.append("no key differs there\n").toString();
        }
        out.append(c.differingKeys().size()).append(" keys differ there:\n");
        for (ByteString key : c.differingKeys()) {
            out.append(key.isValidUtf8() ? key.toStringUtf8() : GoHex.escapedBytes(key.toByteArray())).append('\n');
        }
        return out.toString();
    }
}
