package io.github.jetcdctl.output;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.backup.BackupListing;
import io.github.jetcdctl.backup.BackupReport;
import io.github.jetcdctl.backup.EndpointFailure;

/** The JSON documents and tables of {@code backup} and {@code backup list}. */
final class BackupOutput {
    private BackupOutput() {
    }

    static String reportJson(BackupReport r) {
        GoJsonWriter w = new GoJsonWriter().beginObject()
                .name("endpoint").value(r.endpoint())
                .name("clusterId").value(r.name().clusterIdHex())
                .name("file").value(r.file().toString())
                .name("size").value(r.size())
                .name("revision").value(r.status().revision())
                .name("hash").value(r.status().hash())
                .name("totalKey").value(r.status().totalKey())
                .name("compression").value(r.compression().flagValue())
                .name("durationMs").value(r.duration().toMillis())
                .name("removed").beginArray();
        r.removed().forEach(p -> w.value(p.toString()));
        w.endArray().name("failedEndpoints").beginArray();
        for (EndpointFailure f : r.failedEndpoints()) {
            w.beginObject().name("endpoint").value(f.endpoint()).name("error").value(f.message()).endObject();
        }
        w.endArray();
        if (r.retentionError() != null) {
            w.name("retentionError").value(r.retentionError());
        }
        return w.endObject().toString();
    }

    static String reportTable(BackupReport r, AsciiTable.Style style) {
        List<String> failed = new ArrayList<>();
        r.failedEndpoints().forEach(f -> failed.add(f.toString()));
        List<String> removed = new ArrayList<>();
        r.removed().forEach(p -> removed.add(p.getFileName().toString()));
        return new AsciiTable(List.of("endpoint", "file", "size", "revision", "hash", "took", "removed",
                "failed endpoints"), style)
                .addRow(List.of(r.endpoint(), r.file().toString(), HumanBytes.format(r.size()),
                        Long.toString(r.status().revision()), Long.toString(r.status().hash()),
                        GoDuration.format(r.duration().toMillis() * 1_000_000L), String.join(" ", removed),
                        String.join("; ", failed)))
                .render();
    }

    static String listJson(List<BackupListing> listings) {
        GoJsonWriter w = new GoJsonWriter().beginObject().name("backups").beginArray();
        for (BackupListing b : listings) {
            w.beginObject()
                    .name("file").value(b.file().toString())
                    .name("clusterId").value(b.name().clusterIdHex())
                    .name("time").value(b.name().time().toString())
                    .name("revision").value(b.name().revision())
                    .name("size").value(b.size())
                    .name("ageSeconds").value(b.age().toSeconds())
                    .name("compression").value(b.name().compression().flagValue())
                    .name("verified").value(b.verified());
            if (b.verified()) {
                w.name("hash").value(b.status().hash()).name("totalKey").value(b.status().totalKey());
            } else {
                w.name("error").value(b.error());
            }
            w.endObject();
        }
        return w.endArray().endObject().toString();
    }

    static String listTable(List<BackupListing> listings, AsciiTable.Style style) {
        AsciiTable table = new AsciiTable(List.of("file", "revision", "size", "age", "verified"), style);
        for (BackupListing b : listings) {
            table.addRow(List.of(fileName(b.file()), Long.toString(b.name().revision()), HumanBytes.format(b.size()),
                    age(b.age()), b.verified() ? "yes" : "no"));
        }
        return table.render();
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }

    /** Whole seconds in Go's duration style ({@code 26h3m5s}); a future time (clock skew) shows as 0s. */
    private static String age(Duration age) {
        return GoDuration.format(Math.max(0, age.toSeconds()) * 1_000_000_000L);
    }
}
