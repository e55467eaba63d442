package io.github.jetcdctl.recovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.google.protobuf.ByteString;

/** Adds the records of a range kept in files (snapshots, backups, data dirs) to a {@link KeyHistory}. */
public final class FileHistory {
    private FileHistory() {
    }

    /**
     * Reads every file {@code from} names (a backup directory gives all its backups), each file once: a file named
     * twice, directly and through its directory, is read once.
     */
    public static void read(List<Path> from, ByteString key, ByteString rangeEnd, KeyHistory history)
            throws IOException {
        OfflineRange.KeyMatcher range = new OfflineRange.KeyMatcher(key, rangeEnd);
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path path : from) {
            for (Path file : SourceFiles.of(path)) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    readFile(file, range, history);
                }
            }
        }
    }

    private static void readFile(Path file, OfflineRange.KeyMatcher range, KeyHistory history) throws IOException {
        String source = file.toString();
        try (OfflineDb db = OfflineDb.open(file)) {
            db.scan(record -> {
                if (range.matches(record.kv().getKey())) {
                    history.add(source, record.revision().main(), record.kv(), record.isDelete());
                }
                return true;
            });
            DbMeta meta = db.meta();
            history.sourceRead(source, Math.max(meta.compactRevision(), meta.scheduledCompactRevision()));
        }
    }
}
