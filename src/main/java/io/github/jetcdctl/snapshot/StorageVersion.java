package io.github.jetcdctl.snapshot;

import java.util.Optional;

/**
 * A storage schema version as etcd keeps it in {@code meta/storageVersion} since 3.6 ({@code "3.6.0"}): a
 * semantic version of which only major and minor count.
 */
public record StorageVersion(long major, long minor, long patch) implements Comparable<StorageVersion> {
    public static final StorageVersion V3_5 = new StorageVersion(3, 5, 0);
    public static final StorageVersion V3_6 = new StorageVersion(3, 6, 0);

    /** The stored value, parsed as etcd parses it (go-semver); empty when it does not parse. */
    public static Optional<StorageVersion> parseStored(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StorageVersion(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public StorageVersion trimmedToMinor() {
        return new StorageVersion(major, minor, 0);
    }

    /** {@code 3.6}, as etcdutl names versions in its messages. */
    public String majorMinor() {
        return major + "." + minor;
    }

    /** {@code 3.6.0}, as etcd stores it. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }

    @Override
    public int compareTo(StorageVersion o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        return c != 0 ? c : Long.compare(patch, o.patch);
    }

    public boolean lessThan(StorageVersion o) {
        return compareTo(o) < 0;
    }
}
