package io.github.jetcdctl.backup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.jetcdctl.snapshot.SnapshotCompression;

/**
 * The backups of one prefix in one directory, and the temporary files a run writes there before its rename.
 * Temporaries are hidden ({@code .<prefix>.tmp-<run id>.…}) and, under the lock, any left over by a killed run
 * are recognised by that exact pattern and removed.
 */
public final class BackupDirectory {
    /** The smallest default for --min-free: room for a typical database and its compressed copy. */
    public static final long MIN_FREE_FLOOR = 1L << 30;

    private final Path dir;
    private final String prefix;
    private final Pattern temporary;

    public BackupDirectory(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
        this.temporary = Pattern.compile("\\." + Pattern.quote(prefix)
                + "\\.tmp-[0-9a-f]{16}\\.(db|db\\.part|db\\.gz|db\\.zst|decoded\\.db)");
    }

    public Path path() {
        return dir;
    }

    public String prefix() {
        return prefix;
    }

    public Path resolve(BackupName name) {
        return dir.resolve(name.fileName());
    }

    /** Every backup of this prefix, oldest first. */
    public List<BackupName> backups() throws IOException {
        List<BackupName> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Optional<BackupName> name = BackupName.parse(prefix, entry.getFileName().toString());
                if (name.isPresent() && Files.isRegularFile(entry)) {
                    found.add(name.get());
                }
            }
        }
        found.sort(null);
        return found;
    }

    /**
     * The default --min-free: twice the newest backup's size, at least {@link #MIN_FREE_FLOOR}. Twice, because a
     * compressed run holds the received snapshot and its compressed copy at once.
     */
    public long defaultMinFree() throws IOException {
        List<BackupName> all = backups();
        if (all.isEmpty()) {
            return MIN_FREE_FLOOR;
        }
        long newest = Files.size(resolve(all.get(all.size() - 1)));
        return Math.max(MIN_FREE_FLOOR, newest > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * newest);
    }

    public long usableSpace() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Removes the temporaries of earlier, killed runs; call only while holding the lock. */
    public List<Path> removeStaleTemporaries() throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (temporary.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry)) {
                    Files.deleteIfExists(entry);
                    removed.add(entry);
                }
            }
        }
        return removed;
    }

    /** The temporary file names of a new run, under a random run id. */
    public RunFiles newRun() {
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        return new RunFiles(dir.resolve("." + prefix + ".tmp-" + HexFormat.of().formatHex(id)));
    }

    /** One run's temporaries: {@code base} plus a suffix each. */
    public record RunFiles(Path base) {
        /** The received snapshot; the sink streams it into {@code received() + ".part"} first. */
        public Path received() {
            return sibling(".db");
        }

        public Path compressed(SnapshotCompression compression) {
            return sibling(".db" + compression.extension());
        }

        /** Where verification decodes a compressed backup. */
        public Path decoded() {
            return sibling(".decoded.db");
        }

        public List<Path> all() {
            return List.of(sibling(".db.part"), received(), compressed(SnapshotCompression.GZIP),
                    compressed(SnapshotCompression.ZSTD), decoded());
        }

        private Path sibling(String suffix) {
            return base.resolveSibling(base.getFileName() + suffix);
        }
    }
}
