package io.github.jetcdctl.defrag;

import java.util.List;

import io.github.jetcdctl.space.GroupTotals;

/**
 * What {@code alarm recover} found and did: the NOSPACE alarms, the live data against the quota, the rolling
 * defragmentation (null when it did not run), each member's db size afterwards, the alarms disarmed, and when it
 * refused, why and which groups hold the most.
 *
 * @param liveDataBytes keys and current values of the whole key space
 * @param quotaBytes    the smallest quota among the members (0 when unknown)
 * @param threshold     the share of the quota every member's db must be under before the alarms are disarmed
 */
public record RecoveryReport(List<String> alarms, long liveDataBytes, long quotaBytes, double threshold,
        RollingReport defrag, List<MemberCheck> after, List<String> disarmed, String refusedBecause,
        List<GroupTotals> largestGroups, int exitCode) {
    public RecoveryReport {
        alarms = List.copyOf(alarms);
        after = List.copyOf(after);
        disarmed = List.copyOf(disarmed);
        largestGroups = List.copyOf(largestGroups);
    }
}
