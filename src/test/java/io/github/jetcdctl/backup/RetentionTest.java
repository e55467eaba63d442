package io.github.jetcdctl.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.snapshot.SnapshotCompression;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2024-03-10T00:00:00Z");
    private static final long CLUSTER = 0xabcL;

    private static BackupName daysAgo(int days, long cluster) {
        return new BackupName("etcd", cluster, NOW.minus(Duration.ofDays(days)), 100 - days,
                SnapshotCompression.NONE);
    }

    private static List<BackupName> week(BackupName fresh) {
        List<BackupName> all = new ArrayList<>();
        for (int d = 6; d >= 1; d--) {
            all.add(daysAgo(d, CLUSTER));
        }
        all.add(fresh);
        return all;
    }

    @Test
    void keepCountsTheNewBackup() {
        BackupName fresh = daysAgo(0, CLUSTER);
        List<BackupName> removed = new Retention(3, Duration.ZERO).toRemove(week(fresh), fresh, NOW);
        assertEquals(List.of(daysAgo(6, CLUSTER), daysAgo(5, CLUSTER), daysAgo(4, CLUSTER), daysAgo(3, CLUSTER)),
                removed);
        assertEquals(week(fresh).subList(0, 6), new Retention(1, Duration.ZERO).toRemove(week(fresh), fresh, NOW));
        assertEquals(List.of(), new Retention(7, Duration.ZERO).toRemove(week(fresh), fresh, NOW));
    }

    @Test
    void maxAgeAndKeepEachRemove() {
        BackupName fresh = daysAgo(0, CLUSTER);
        Retention byAge = new Retention(0, Duration.ofHours(4 * 24 + 1));
        assertEquals(List.of(daysAgo(6, CLUSTER), daysAgo(5, CLUSTER)), byAge.toRemove(week(fresh), fresh, NOW));
        Retention both = new Retention(2, Duration.ofDays(30));
        assertEquals(week(fresh).subList(0, 5), both.toRemove(week(fresh), fresh, NOW));
    }

    @Test
    void theNewBackupStaysEvenWhenOldAndOtherClustersAreNeverCounted() {
        BackupName fresh = daysAgo(10, CLUSTER); // a clock that went backwards
        BackupName otherCluster = daysAgo(20, 0xdefL);
        List<BackupName> all = new ArrayList<>(week(fresh));
        all.add(otherCluster);
        List<BackupName> removed = new Retention(1, Duration.ofDays(1)).toRemove(all, fresh, NOW);
        assertEquals(week(fresh).subList(0, 6), removed);
    }
}
