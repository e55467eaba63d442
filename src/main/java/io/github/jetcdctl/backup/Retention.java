package io.github.jetcdctl.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which old backups to remove once a new one is verified. Each rule is a limit and either one removes a backup:
 * {@code keep} is the most backups to keep (0: no limit), {@code maxAge} the oldest to keep by the time in the
 * name (zero: no limit). The new backup always stays, and only backups of the same prefix and cluster count.
 */
public record Retention(int keep, Duration maxAge) {
    public static final Retention NONE = new Retention(0, Duration.ZERO);

    public Retention {
        if (keep < 0) {
            throw new IllegalArgumentException("--keep must not be negative");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("--max-age must not be negative");
        }
    }

    public boolean removesNothing() {
        return keep == 0 && maxAge.isZero();
    }

    /** The backups to remove among {@code existing} (which includes {@code fresh}), oldest first. */
    public List<BackupName> toRemove(List<BackupName> existing, BackupName fresh, Instant now) {
        List<BackupName> newestFirst = new ArrayList<>();
        for (BackupName b : existing) {
            if (b.prefix().equals(fresh.prefix()) && b.clusterId() == fresh.clusterId() && !b.equals(fresh)) {
                newestFirst.add(b);
            }
        }
        newestFirst.sort(Comparator.reverseOrder());
        List<BackupName> remove = new ArrayList<>();
        Instant oldestKept = maxAge.isZero() ? Instant.MIN : now.minus(maxAge);
        for (int i = 0; i < newestFirst.size(); i++) {
            BackupName b = newestFirst.get(i);
            boolean overCount = keep > 0 && i + 1 >= keep; // position i+1 counting the fresh backup first
            boolean tooOld = b.time().isBefore(oldestKept);
            if (overCount || tooOld) {
                remove.add(b);
            }
        }
        remove.sort(Comparator.naturalOrder());
        return remove;
    }
}
