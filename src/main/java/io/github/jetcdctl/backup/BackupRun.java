package io.github.jetcdctl.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.snapshot.SnapshotCompression;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.snapshot.SnapshotSink;
import io.github.jetcdctl.snapshot.SnapshotStatus;

/**
 * One backup, once the directory is locked: the endpoints in turn until one snapshot is received, verified
 * and renamed into place under its final name, then retention. Every file is written under a hidden temporary
 * name first, so the directory never shows a partial or unverified backup.
 */
public final class BackupRun {
    private final BackupDirectory dir;
    private final SnapshotCompression compression;
    private final Retention retention;
    private final Clock clock;

    public BackupRun(BackupDirectory dir, SnapshotCompression compression, Retention retention, Clock clock) {
        this.dir = dir;
        this.compression = compression;
        this.retention = retention;
        this.clock = clock;
    }

    /** @throws CliException with a {@link BackupExitCodes} code when no backup was made */
    public BackupReport run(List<String> endpoints, SnapshotSource source) {
        long start = System.nanoTime();
        BackupDirectory.RunFiles files = dir.newRun();
        Thread cleanup = new Thread(() -> deleteQuietly(files.all()), "backup-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<EndpointFailure> failures = new ArrayList<>();
            for (String endpoint : endpoints) {
                Instant taken = clock.instant();
                try {
                    Written written = backUp(endpoint, source, files, taken);
                    List<Path> removed = new ArrayList<>();
                    String retentionError = applyRetention(written.name(), removed);
                    return new BackupReport(endpoint, written.name(), written.path(), Files.size(written.path()),
                            written.status(), Duration.ofNanos(System.nanoTime() - start), removed, failures,
                            retentionError);
                } catch (SnapshotSource.EndpointException e) {
                    failures.add(new EndpointFailure(endpoint, EndpointFailure.Kind.UNAVAILABLE, e.getMessage()));
                } catch (SnapshotFormatException e) {
                    failures.add(new EndpointFailure(endpoint, EndpointFailure.Kind.NOT_VERIFIED, e.getMessage()));
                } catch (IOException e) {
                    throw new CliException(BackupExitCodes.WRITE_FAILED, "writing the backup into " + dir.path()
                            + " failed: " + describe(e), e);
                } finally {
                    deleteQuietly(files.all());
                }
            }
            throw noBackup(endpoints, failures);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down; the hook removes the temporaries
            }
        }
    }

    private record Written(BackupName name, Path path, SnapshotStatus status) {
    }

    private Written backUp(String endpoint, SnapshotSource source, BackupDirectory.RunFiles files, Instant taken)
            throws SnapshotSource.EndpointException, IOException {
        long clusterId;
        try (SnapshotSink sink = SnapshotSink.create(files.received())) {
            clusterId = source.stream(endpoint, sink);
            sink.checkTrailer();
            sink.commit();
        }
        Path finished = files.received();
        if (compression != SnapshotCompression.NONE) {
            finished = files.compressed(compression);
            compress(files.received(), finished);
            Files.delete(files.received());
        }
        SnapshotStatus status = BackupVerifier.verify(finished, files.decoded());
        BackupName name = new BackupName(dir.prefix(), clusterId, taken, status.revision(), compression);
        Path target = dir.resolve(name);
        // The same cluster, revision and second give the same data: replacing such a twin loses nothing.
        Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir.path());
        return new Written(name, target, status);
    }

    private void compress(Path plain, Path compressed) throws IOException {
        try (FileChannel channel = FileChannel.open(compressed, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))) {
            try (InputStream in = Files.newInputStream(plain);
                 OutputStream out = compression.compressing(new ChannelStream(channel))) {
                in.transferTo(out);
            }
            channel.force(true);
        }
    }

    /** Removes what retention selects; returns why a removal failed, or null. */
    private String applyRetention(BackupName fresh, List<Path> removed) {
        if (retention.removesNothing()) {
            return null;
        }
        try {
            for (BackupName old : retention.toRemove(dir.backups(), fresh, clock.instant())) {
                Path path = dir.resolve(old);
                Files.deleteIfExists(path);
                removed.add(path);
            }
            return null;
        } catch (IOException e) {
            return describe(e);
        }
    }

    private static CliException noBackup(List<String> endpoints, List<EndpointFailure> failures) {
        boolean unverified = failures.stream().anyMatch(f -> f.kind() == EndpointFailure.Kind.NOT_VERIFIED);
        List<String> reasons = new ArrayList<>();
        failures.forEach(f -> reasons.add(f.toString()));
        String what = unverified ? "no endpoint gave a verified snapshot" : "no endpoint gave a snapshot";
        return new CliException(unverified ? BackupExitCodes.VERIFY_FAILED : BackupExitCodes.NO_ENDPOINT,
                what + " (tried " + endpoints.size() + "): " + String.join("; ", reasons));
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temporary is removed by the next run, under the lock
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }

    /** Writes to a channel it does not close, so the caller can sync the file after the compressor finishes. */
    private static final class ChannelStream extends OutputStream {
        private final FileChannel channel;

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
