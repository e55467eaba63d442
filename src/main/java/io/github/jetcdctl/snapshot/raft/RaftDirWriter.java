package io.github.jetcdctl.snapshot.raft;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes the raft side of a restored data directory, as etcdutl 3.5 lays it out:
 * <pre>
 * dataDir/                 0700 (created if missing)
 * dataDir/member/          0700
 * dataDir/member/snap/     0700   (the db, member/snap/db, is written by the caller: 0600)
 * dataDir/member/snap/0000000000000001-%016x.snap   0666 &amp; ~umask (0644 under umask 022)
 * walDir/ (default dataDir/member/wal)  0700
 * walDir/0000000000000000-0000000000000000.wal      0600, 64,000,000 bytes
 * </pre>
 * The db needs from the same {@link ClusterPlan}: {@code meta/consistent_index} =
 * {@link ClusterPlan#snapshotIndex()}, {@code meta/term} = {@link ClusterPlan#term()}, and in
 * {@code members} one entry per {@link ClusterPlan#members()} (key {@link Member#hexId()}, value
 * {@link Member#toJson()}).
 */
public final class RaftDirWriter {
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private RaftDirWriter() {}

    /** The files written. */
    public record Result(Path snapFile, Path walFile) {}

    /** {@code dataDir/member}. */
    public static Path memberDir(Path dataDir) {
        return dataDir.resolve("member");
    }

    /** {@code dataDir/member/snap}: where the db and the {@code .snap} file go. */
    public static Path snapDir(Path dataDir) {
        return memberDir(dataDir).resolve("snap");
    }

    /** {@code dataDir/member/snap/db}. */
    public static Path dbFile(Path dataDir) {
        return snapDir(dataDir).resolve("db");
    }

    /** The default WAL directory {@code dataDir/member/wal}. */
    public static Path defaultWalDir(Path dataDir) {
        return memberDir(dataDir).resolve("wal");
    }

    /**
     * etcdutl 3.5's output-directory checks, run after the flags are validated and before anything is
     * written. The messages quote the paths as given on the command line.
     *
     * @param dataDirArg {@code --data-dir} as given
     * @param walDirArg {@code --wal-dir} as given, or null/empty when absent
     * @throws RestoreConfigException {@code data-dir "X" not empty or could not be read} or
     *     {@code wal-dir "X" exists}
     */
    public static void checkTargets(String dataDirArg, String walDirArg) throws RestoreConfigException {
        Path data = Path.of(dataDirArg);
        if (Files.exists(data) && !isEmptyDir(data)) {
            throw new RestoreConfigException("data-dir " + GoText.quote(dataDirArg) + " not empty or could not be read");
        }
        String wal = walDirArg == null || walDirArg.isEmpty() ? defaultWalDir(data).toString() : walDirArg;
        if (Files.exists(Path.of(wal))) {
            throw new RestoreConfigException("wal-dir " + GoText.quote(wal) + " exists");
        }
    }

    private static boolean isEmptyDir(Path p) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            return !ds.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Creates {@code dataDir/member/snap} (and parents) with mode 0700 where missing. */
    public static Path createSnapDir(Path dataDir) throws IOException {
        Path d = snapDir(dataDir);
        mkdirs(d);
        return d;
    }

    /**
     * Writes the WAL and the {@code .snap} file for {@code plan}.
     *
     * @param dataDir the data directory
     * @param walDir the WAL directory, or null for {@code dataDir/member/wal}; it must not already hold files
     * @return the two files written
     */
    public static Result write(Path dataDir, Path walDir, ClusterPlan plan) throws IOException {
        Path snap = createSnapDir(dataDir);
        Path wal = walDir == null ? defaultWalDir(dataDir) : walDir;
        mkdirs(wal);
        Path walFile = RestoreWal.write(wal, plan);
        Path snapFile = SnapFile.write(snap, plan);
        return new Result(snapFile, walFile);
    }

    /** Like {@code mkdir -p} with mode 0700 for each directory created (existing ones are left alone). */
    static void mkdirs(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            mkdirs(parent);
        }
        FileAttribute<?>[] attrs = supportsPosix(abs)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR_MODE)}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(abs, attrs);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
    }

    private static boolean supportsPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
