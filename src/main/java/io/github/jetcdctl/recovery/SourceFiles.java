package io.github.jetcdctl.recovery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jetcdctl.backup.BackupName;

/**
 * What a {@code --from} path names: a file (snapshot or backup, plain or compressed), a member's data dir (its
 * {@code member/snap/db}; also the {@code member} dir itself), or a backup directory (every backup file in it,
 * oldest first as their names say; other {@code .db} files before them, by name).
 */
public final class SourceFiles {
    private static final Pattern BACKUP_PREFIX = Pattern.compile("(.+)-[0-9a-f]{16}-[0-9]{8}T[0-9]{6}Z-rev[0-9]+"
            + "\\.db(\\.gz|\\.zst)?");
    private static final Pattern DB_FILE = Pattern.compile("[^.].*\\.db(\\.gz|\\.zst)?");

    private SourceFiles() {
    }

    /** The files {@code path} names, oldest first; a data dir or a file gives one. */
    public static List<Path> of(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        for (Path db : List.of(path.resolve("member/snap/db"), path.resolve("snap/db"))) {
            if (Files.isRegularFile(db)) {
                return List.of(db);
            }
        }
        List<Path> named = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isRegularFile(entry) || !DB_FILE.matcher(name).matches()) {
                    continue;
                }
                (backupName(name).isPresent() ? backups : named).add(entry);
            }
        }
        if (named.isEmpty() && backups.isEmpty()) {
            throw new NoSuchFileException(path.toString(), null, "neither a data dir (no member/snap/db) nor a "
                    + "directory of snapshot or backup files");
        }
        named.sort(Comparator.comparing(p -> p.getFileName().toString()));
        backups.sort(Comparator.comparing(p -> backupName(p.getFileName().toString()).orElseThrow()));
        List<Path> all = new ArrayList<>(named);
        all.addAll(backups);
        return all;
    }

    /** The newest file {@code path} names: for a backup directory, its latest backup. */
    public static Path newest(Path path) throws IOException {
        List<Path> files = of(path);
        return files.get(files.size() - 1);
    }

    static Optional<BackupName> backupName(String fileName) {
        Matcher m = BACKUP_PREFIX.matcher(fileName);
        return m.matches() ? BackupName.parse(m.group(1), fileName) : Optional.empty();
    }
}
