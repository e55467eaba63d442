package io.github.jetcdctl.defrag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.HumanBytes;
import io.github.jetcdctl.space.GroupTotals;
import io.github.jetcdctl.space.KeyGrouping;
import io.github.jetcdctl.space.LiveSpaceScan;
import io.github.jetcdctl.space.SpaceReport;
import io.github.jetcdctl.space.SpaceTally;

/**
 * Recovery from a NOSPACE alarm in one run: measure the live data (the space report of the whole key space) and
 * refuse at once when it alone does not fit under the threshold of the quota (no compaction or defragmentation
 * can win that back); else compact to the current revision, defragment every member as {@code defrag --rolling}
 * does (learners included), and disarm the NOSPACE alarms once every member's db is under the threshold.
 */
public final class NospaceRecovery {
    private static final int NOSPACE = 1;
    private static final int LARGEST_GROUPS = 5;

    private final ConnectionSettings settings;
    private final ClusterProbe probe;
    private final RollingDefrag.Options rolling;
    private final double threshold;
    private final Consumer<String> progress;

    /** {@code rolling}'s rule and dry-run are ignored: every member is defragmented. */
    public NospaceRecovery(ConnectionSettings settings, ClusterProbe probe, RollingDefrag.Options rolling,
            double threshold, Consumer<String> progress) {
        this.settings = settings;
        this.probe = probe;
        this.rolling = new RollingDefrag.Options(DefragRule.ANY, true, rolling.moveLeader(), true, false,
                rolling.keepGoing(), rolling.pause(), rolling.healthTimeout());
        this.threshold = threshold;
        this.progress = progress;
    }

    public RecoveryReport run() {
        List<AlarmMember> nospace = probe.alarms().stream().filter(a -> a.getAlarmValue() == NOSPACE).toList();
        List<String> alarmNames = new ArrayList<>();
        nospace.forEach(a -> alarmNames.add("NOSPACE on member " + Long.toHexString(a.getMemberID())));
        if (nospace.isEmpty()) {
            return new RecoveryReport(alarmNames, 0, 0, threshold, null, List.of(), List.of(),
                    "", List.of(), DefragExitCodes.SUCCESS);
        }
        List<MemberCheck> gate = probe.checkAll();
        long quota = smallestQuota(gate);
        if (quota == 0) {
            throw new CliException(1, "the quota is unknown: no member reports it and /metrics could not be read; "
                    + "give --quota-backend-bytes");
        }
        progress.accept("measuring the live data (keys and current values)");
        SpaceReport space = LiveSpaceScan.run(settings, new byte[0], new SpaceTally(
                new KeyGrouping(new byte[0], 1, false, false), 0), SpaceReport.Order.SIZE, quota);
        long live = space.keyBytes() + space.valueBytes();
        List<GroupTotals> largest = space.groups().subList(0, Math.min(LARGEST_GROUPS, space.groups().size()));
        long allowed = (long) (quota * threshold);
        if (live >= allowed) {
            return new RecoveryReport(alarmNames, live, quota, threshold, null, gate, List.of(),
                    "the live data alone (" + HumanBytes.format(live) + " of keys and current values) is over "
                            + percent(threshold) + " of the quota (" + HumanBytes.format(quota) + "): compaction "
                            + "and defragmentation cannot win that back; delete data (the largest groups are "
                            + "listed) or raise --quota-backend-bytes on every member",
                    largest, DefragExitCodes.CANNOT_RECOVER);
        }
        RollingReport defrag = new RollingDefrag(settings, probe, rolling, progress).run();
        List<MemberCheck> after = probe.checkAll();
        if (defrag.exitCode() != DefragExitCodes.SUCCESS) {
            return new RecoveryReport(alarmNames, live, quota, threshold, defrag, after, List.of(),
                    "defragmentation did not finish: " + defrag.stoppedBecause() + "; the alarms stay armed",
                    largest, defrag.exitCode());
        }
        List<String> over = new ArrayList<>();
        for (MemberCheck m : after) {
            if (m.db().dbSize() >= allowed) {
                over.add(m.label() + " at " + HumanBytes.format(m.db().dbSize()));
            }
        }
        if (!over.isEmpty()) {
            return new RecoveryReport(alarmNames, live, quota, threshold, defrag, after, List.of(),
                    "after compaction and defragmentation, still over " + percent(threshold) + " of the quota: "
                            + String.join(", ", over) + "; the alarms stay armed", largest,
                    DefragExitCodes.CANNOT_RECOVER);
        }
        List<String> disarmed = new ArrayList<>();
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            for (AlarmMember alarm : nospace) {
                progress.accept("disarming NOSPACE on member " + Long.toHexString(alarm.getMemberID()));
                EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub).alarm(
                        AlarmRequest.newBuilder().setAction(AlarmRequest.AlarmAction.DEACTIVATE)
                                .setMemberID(alarm.getMemberID()).setAlarmValue(alarm.getAlarmValue()).build()));
                disarmed.add("NOSPACE on member " + Long.toHexString(alarm.getMemberID()));
            }
        }
        return new RecoveryReport(alarmNames, live, quota, threshold, defrag, after, disarmed, "", largest,
                DefragExitCodes.SUCCESS);
    }

    private static long smallestQuota(List<MemberCheck> members) {
        long smallest = 0;
        for (MemberCheck m : members) {
            long q = m.db().quota().bytes();
            if (q > 0 && (smallest == 0 || q < smallest)) {
                smallest = q;
            }
        }
        return smallest;
    }

    private static String percent(double ratio) {
        return DefragRule.percent(ratio);
    }
}
