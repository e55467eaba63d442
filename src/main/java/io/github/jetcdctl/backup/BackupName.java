package io.github.jetcdctl.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jetcdctl.snapshot.SnapshotCompression;

/**
 * The name of a file that {@code backup} wrote: {@code <prefix>-<cluster id, 16 hex>-<YYYYMMDDTHHMMSSZ>-rev<n>.db}
 * with {@code .gz} or {@code .zst} when compressed. Retention and {@code backup list} consider only names that
 * parse back completely, so nothing else in the directory is ever touched.
 */
public record BackupName(String prefix, long clusterId, Instant time, long revision, SnapshotCompression compression)
        implements Comparable<BackupName> {
    /** A prefix is a plain file-name word: no separators, no leading dot (those names are our temporaries). */
    private static final Pattern VALID_PREFIX = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public BackupName {
        time = time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public static boolean isValidPrefix(String prefix) {
        return VALID_PREFIX.matcher(prefix).matches();
    }

    public String fileName() {
        return prefix + "-" + clusterIdHex() + "-" + TIMESTAMP.format(time) + "-rev" + revision + ".db"
                + compression.extension();
    }

    public String clusterIdHex() {
        return String.format("%016x", clusterId);
    }

    /** The name parsed back, if {@code fileName} is exactly one of ours with this prefix. */
    public static Optional<BackupName> parse(String prefix, String fileName) {
        Matcher m = pattern(prefix).matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant time = Instant.from(TIMESTAMP.parse(m.group(2)));
            long revision = Long.parseLong(m.group(3));
            SnapshotCompression compression = m.group(4) == null ? SnapshotCompression.NONE
                    : m.group(4).equals(".gz") ? SnapshotCompression.GZIP : SnapshotCompression.ZSTD;
            return Optional.of(new BackupName(prefix, Long.parseUnsignedLong(m.group(1), 16), time, revision,
                    compression));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty(); // e.g. month 13, or a revision past int64: not a name we write
        }
    }

    private static Pattern pattern(String prefix) {
        return Pattern.compile(Pattern.quote(prefix)
                + "-([0-9a-f]{16})-([0-9]{8}T[0-9]{6}Z)-rev(0|[1-9][0-9]{0,18})\\.db(\\.gz|\\.zst)?");
    }

    /** Oldest first: by time, then revision, then name. */
    @Override
    public int compareTo(BackupName other) {
        int byTime = time.compareTo(other.time);
        if (byTime != 0) {
            return byTime;
        }
        int byRevision = Long.compare(revision, other.revision);
        return byRevision != 0 ? byRevision : fileName().compareTo(other.fileName());
    }
}
