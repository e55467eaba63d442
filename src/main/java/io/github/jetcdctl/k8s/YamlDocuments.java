package io.github.jetcdctl.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.google.protobuf.ByteString;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import io.github.jetcdctl.output.GoQuote;
import io.github.jetcdctl.output.LineDiff;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.recovery.HistoryEntry;

/**
 * One YAML document per value, opened by a comment line that names it: {@code --- # KEY} for get,
 * {@code --- # PUT KEY} or {@code --- # DELETE KEY} for watch, then {@code --- # previous KEY} for the value
 * before the event (--prev-kv). Objects are written as kubectl writes them (block style, keys sorted, lists not
 * indented under their key, long lines not folded); other text as a YAML string, other bytes as {@code !!binary};
 * an encrypted value as one comment line naming its provider; a deleted key has an empty document. The output is a
 * YAML stream that any YAML reader takes whole.
 */
final class YamlDocuments implements DecodedDocuments {
    private final Output out;
    private final Dump dump;
    private final DocumentText text = new DocumentText();

    YamlDocuments(Output out) {
        this.out = out;
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setSplitLines(false)
                .setWidth(Integer.MAX_VALUE)
                .setNonPrintableStyle(NonPrintableStyle.ESCAPE)
                .setSchema(new QuotingYaml11Scalars())
                .build();
        this.dump = new Dump(settings, new DoubleQuotingRepresenter(settings));
    }

    @Override
    public void write(String eventType, ByteString key, StoredValue value, StoredValue previous) {
        document((eventType == null ? "" : eventType + " ") + keyText(key), value);
        if (previous != null) {
            document("previous " + keyText(key), previous);
        }
    }

    /** A comment, as it may follow any document. */
    @Override
    public String progressLine(long revision) {
        return "# progress notify: " + revision;
    }

    /** A history entry: its document, or with a previous value, the diff of the two documents' text. */
    @Override
    public void history(HistoryEntry entry, StoredValue value, StoredValue previous, long previousRevision) {
        String title = entry.revision() + " " + entry.type() + " " + keyText(entry.kv().getKey()) + " in "
                + String.join(", ", entry.foundIn());
        if (previous == null) {
            document(title, value);
            return;
        }
        out.println("--- # " + title + " (diff from revision " + previousRevision + ")");
        for (String line : LineDiff.unified(body(previous), body(value))) {
            out.println(line);
        }
    }

    private void document(String title, StoredValue value) {
        out.println("--- # " + title);
        out.print(body(value));
    }

    /** A value's document without its title line. */
    String body(StoredValue value) {
        if (value instanceof StoredValue.KubernetesObject o) {
            return dump(sorted(o.object()));
        } else if (value instanceof StoredValue.PartialObject p) {
            return dump(sorted(p.object())) + "# " + p.note() + "\n";
        } else if (value instanceof StoredValue.Encrypted e) {
            return "# encrypted at rest by " + e.provider() + " (" + e.prefix() + "), " + e.length() + " bytes\n";
        } else if (value instanceof StoredValue.Text t) {
            return dump(t.text());
        } else if (value instanceof StoredValue.Binary b) {
            return dump(b.bytes());
        }
        return "";
    }

    private String dump(Object document) {
        text.setLength(0);
        dump.dump(document, text);
        return text.toString();
    }

    /** Collects one document (Dump's own dumpToString writes through a synchronized StringBuffer). */
    private static final class DocumentText implements StreamDataWriter {
        private final StringBuilder text = new StringBuilder(4096);

        void setLength(int length) {
            text.setLength(length);
        }

        @Override
        public void write(String str) {
            text.append(str);
        }

        @Override
        public void write(String str, int off, int len) {
            text.append(str, off, off + len);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Keys as they are when they are printable UTF-8 on one line, else Go-quoted. */
    static String keyText(ByteString key) {
        if (key.isValidUtf8()) {
            String text = key.toStringUtf8();
            if (text.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
                    && !text.startsWith("\"")) {
                return text;
            }
        }
        return GoQuote.quote(key.toByteArray());
    }

    /**
     * YAML 1.2's core schema, except that strings a YAML 1.1 reader would take for a boolean or a timestamp
     * ({@code yes}, {@code on}, {@code 2024-01-02T03:04:05Z}) are quoted, as kubectl quotes them.
     */
    private static final class QuotingYaml11Scalars extends CoreSchema {
        /** The words YAML 1.2 (core schema) or 1.1 reads as a boolean or null: the only such strings led by a letter. */
        private static final Map<String, Tag> WORDS = words();
        private static final Pattern YAML11_TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                + "(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
                + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?");
        private static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");
        private final ScalarResolver core = new CoreScalarResolver(false);

        private static Map<String, Tag> words() {
            Map<String, Tag> words = new HashMap<>();
            for (String word : List.of("true", "false", "yes", "no", "on", "off", "y", "n")) {
                words.put(word, Tag.BOOL);
                words.put(word.toUpperCase(Locale.ROOT), Tag.BOOL);
                words.put(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1), Tag.BOOL);
            }
            for (String word : List.of("null", "Null", "NULL")) {
                words.put(word, Tag.NULL);
            }
            return words;
        }

        @Override
        public ScalarResolver getScalarResolver() {
            // Runs three times for every key and string, so words led by a letter (nearly all) take no regex.
            return (value, implicit) -> {
                if (implicit && !value.isEmpty() && Character.isLetter(value.charAt(0))) {
                    return WORDS.getOrDefault(value, Tag.STR);
                }
                Tag tag = core.resolve(value, implicit);
                if (implicit && tag.equals(Tag.STR) && value.length() >= 8 && value.charAt(4) == '-'
                        && YAML11_TIMESTAMP.matcher(value).matches()) {
                    return TIMESTAMP;
                }
                return tag;
            };
        }
    }

    /** Strings that would read back as another type are double-quoted, as kubectl quotes them. */
    private static final class DoubleQuotingRepresenter extends StandardRepresenter {
        private final ScalarResolver resolver;

        DoubleQuotingRepresenter(DumpSettings settings) {
            super(settings);
            this.resolver = settings.getSchema().getScalarResolver();
        }

        @Override
        protected Node representScalar(Tag tag, String value, ScalarStyle style) {
            if (style == ScalarStyle.PLAIN && tag.equals(Tag.STR) && !resolver.resolve(value, true).equals(Tag.STR)) {
                return super.representScalar(tag, value, ScalarStyle.DOUBLE_QUOTED);
            }
            return super.representScalar(tag, value, style);
        }
    }

    /** kubectl's YAML has every object's keys sorted. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return value;
    }
}
