package io.github.jetcdctl.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.snapshot.SnapshotCompression;

class BackupNameTest {
    private static final Instant TIME = Instant.parse("2024-03-05T06:07:08.900Z");

    @Test
    void formatsAndParsesBack() {
        BackupName name = new BackupName("etcd", 0xcdf818194e3a8c32L, TIME, 42, SnapshotCompression.ZSTD);
        assertEquals("etcd-cdf818194e3a8c32-20240305T060708Z-rev42.db.zst", name.fileName());
        assertEquals(Optional.of(name), BackupName.parse("etcd", name.fileName()));
        assertEquals("prod-0000000000000001-20240305T060708Z-rev0.db",
                new BackupName("prod", 1, TIME, 0, SnapshotCompression.NONE).fileName());
        assertEquals(SnapshotCompression.GZIP,
                BackupName.parse("etcd", "etcd-0000000000000001-20240305T060708Z-rev7.db.gz").get().compression());
    }

    @Test
    void rejectsNamesItDoesNotWriteExactly() {
        for (String other : new String[] {
            "etcd-cdf818194e3a8c32-20240305T060708Z-rev42.db.bak",
            "etcd-cdf818194e3a8c32-20240305T060708Z-rev42.db.part",
            "etcd-cdf818194e3a8c32-20240305T060708Z-rev42.db.zst.tmp",
            "etcd-CDF818194E3A8C32-20240305T060708Z-rev42.db",
            "etcd-cdf818194e3a8c3-20240305T060708Z-rev42.db",
            "etcd-cdf818194e3a8c32-20240305T0607Z-rev42.db",
            "etcd-cdf818194e3a8c32-20241305T060708Z-rev42.db",
            "etcd-cdf818194e3a8c32-20240305T060708Z-rev042.db",
            "etcd-cdf818194e3a8c32-20240305T060708Z-rev99999999999999999999.db",
            "etcd-cdf818194e3a8c32-20240305T060708Z-rev42.db.bz2",
            "etcdx-cdf818194e3a8c32-20240305T060708Z-rev42.db",
            "xetcd-cdf818194e3a8c32-20240305T060708Z-rev42.db",
            "etcd-prod-cdf818194e3a8c32-20240305T060708Z-rev42.db",
            ".etcd.tmp-0123456789abcdef.db",
            "etcd.db",
        }) {
            assertEquals(Optional.empty(), BackupName.parse("etcd", other), other);
        }
    }

    @Test
    void aPrefixIsMatchedLiterally() {
        String name = "a.b-0000000000000001-20240305T060708Z-rev1.db";
        assertTrue(BackupName.parse("a.b", name).isPresent());
        assertFalse(BackupName.parse("a.b", "axb-0000000000000001-20240305T060708Z-rev1.db").isPresent());
        assertFalse(BackupName.isValidPrefix(".hidden"));
        assertFalse(BackupName.isValidPrefix("a/b"));
        assertFalse(BackupName.isValidPrefix(""));
        assertTrue(BackupName.isValidPrefix("etcd_prod-1.x"));
    }
}
