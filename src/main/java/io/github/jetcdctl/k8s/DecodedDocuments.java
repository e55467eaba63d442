package io.github.jetcdctl.k8s;

import java.util.Locale;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.recovery.HistoryEntry;

/** Writes decoded values, one entry per key (get) or per event (watch), in one of the --decode-output formats. */
interface DecodedDocuments {

    /**
     * @param eventType PUT or DELETE for a watch event, null for get
     * @param previous the value before the event (watch --prev-kv), or null
     */
    void write(String eventType, ByteString key, StoredValue value, StoredValue previous);

    /**
     * One entry of history: titled by its revision, type, key and sources; with {@code previous} (history --diff,
     * an earlier value of the same key), what changed since {@code previousRevision} instead of the whole value.
     */
    void history(HistoryEntry entry, StoredValue value, StoredValue previous, long previousRevision);

    /** watch --progress-notify's line, in a form that keeps the output readable as a whole. */
    String progressLine(long revision);

    /** The --decode-output names. */
    enum Format {
        YAML, JSON;

        static Format parse(String name) {
            for (Format format : values()) {
                if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return format;
                }
            }
            throw CliException.badArgs("--decode-output is yaml or json, not \"" + name + "\"");
        }

        DecodedDocuments writer(Output out) {
            return this == YAML ? new YamlDocuments(out) : new JsonLines(out);
        }
    }
}
