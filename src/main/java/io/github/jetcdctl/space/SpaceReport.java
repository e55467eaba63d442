package io.github.jetcdctl.space;

import java.util.Comparator;
import java.util.List;

/**
 * The space report: groups sorted as asked, the largest objects, totals, and the db they live in.
 *
 * @param source           the endpoint (live) or the file read (offline)
 * @param memberId         the member that answered (live), 0 offline
 * @param offline          true when read from a file: history columns are filled in
 * @param revision         the revision the report is at
 * @param compactedRevision offline: the db's last finished compaction (0 when none); live: 0
 * @param audit            the encryption audit's findings, one per named resource (empty when not asked)
 */
public record SpaceReport(String source, long memberId, boolean offline, long revision, long compactedRevision,
        boolean byNamespace, List<GroupTotals> groups, List<LargeObject> largest, DbSpace db,
        List<EncryptionAudit.Finding> audit) {
    public SpaceReport {
        groups = List.copyOf(groups);
        largest = List.copyOf(largest);
        audit = List.copyOf(audit);
    }

    /** This report with the audit's findings on its groups. */
    public SpaceReport audited(EncryptionAudit encryptionAudit) {
        return new SpaceReport(source, memberId, offline, revision, compactedRevision, byNamespace, groups, largest,
                db, encryptionAudit.check(groups));
    }

    public boolean auditFailed() {
        return audit.stream().anyMatch(f -> !f.passed());
    }

    /** How groups are ordered. */
    public enum Order {
        /** The bytes a group takes: its history offline (current values included), its current data live. */
        SIZE, KEYS, NAME
    }

    static SpaceReport of(String source, long memberId, boolean offline, long revision, long compactedRevision,
            SpaceTally tally, Order order, DbSpace db) {
        List<GroupTotals> groups = tally.groups();
        groups.sort(comparator(order, offline));
        return new SpaceReport(source, memberId, offline, revision, compactedRevision, tally.byNamespace(), groups,
                tally.largest(), db, List.of());
    }

    private static Comparator<GroupTotals> comparator(Order order, boolean offline) {
        Comparator<GroupTotals> byName = Comparator.comparing((GroupTotals g) -> g.name().name(),
                java.util.Arrays::compare).thenComparing(g -> g.name().namespace() == null ? ""
                        : g.name().namespace());
        return switch (order) {
            case NAME -> byName;
            case KEYS -> Comparator.comparingLong(GroupTotals::keys).reversed().thenComparing(byName);
            case SIZE -> Comparator.comparingLong((GroupTotals g) -> offline ? g.historyBytes() : g.currentBytes())
                    .reversed().thenComparing(byName);
        };
    }

    public long keys() {
        return groups.stream().mapToLong(GroupTotals::keys).sum();
    }

    public long keyBytes() {
        return groups.stream().mapToLong(GroupTotals::keyBytes).sum();
    }

    public long valueBytes() {
        return groups.stream().mapToLong(GroupTotals::valueBytes).sum();
    }

    public long revisions() {
        return groups.stream().mapToLong(GroupTotals::revisions).sum();
    }

    public long historyBytes() {
        return groups.stream().mapToLong(GroupTotals::historyBytes).sum();
    }
}
