package io.github.jetcdctl.defrag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.DefragmentRequest;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.MoveLeaderRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.github.jetcdctl.client.api.StatusRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.HumanBytes;

/**
 * Runs a rolling defragmentation: the health gate (every member healthy, or nothing is touched), the plan,
 * an optional compaction to the current revision, then each planned member on its own connection, followed by a
 * pause and a health check of every member. The first failure stops the run unless told to keep going.
 */
public final class RollingDefrag {
    private static final long POLL_MILLIS = 300;
    private static final String ALREADY_COMPACTED = "required revision has been compacted";

    /**
     * @param pause         pause after each member before its health check
     * @param healthTimeout how long a health check may wait for every member to be healthy again
     */
    public record Options(DefragRule rule, boolean compact, boolean moveLeader, boolean includeLearners,
            boolean dryRun, boolean keepGoing, Duration pause, Duration healthTimeout) {
    }

    private final ConnectionSettings settings;
    private final ClusterProbe probe;
    private final Options options;
    private final Consumer<String> progress;

    /** {@code progress} receives a line as each step starts and ends (for people; the report says it all). */
    public RollingDefrag(ConnectionSettings settings, ClusterProbe probe, Options options, Consumer<String> progress) {
        this.settings = settings;
        this.probe = probe;
        this.options = options;
        this.progress = progress;
    }

    public RollingReport run() {
        List<MemberCheck> gate = probe.checkAll();
        RollingPlan plan = RollingPlan.of(gate, options.rule(), options.includeLearners());
        List<MemberCheck> unhealthy = gate.stream().filter(m -> !m.healthy()).toList();
        if (!unhealthy.isEmpty()) {
            List<String> why = new ArrayList<>();
            unhealthy.forEach(m -> why.add(m.label() + " at " + m.endpoint() + ": " + m.problem()));
            return new RollingReport(options.dryRun(), gate, plan, 0, 0, notRun(plan, 0),
                    "health gate: " + String.join("; ", why) + "; nothing was touched", DefragExitCodes.HEALTH_GATE);
        }
        if (options.dryRun()) {
            return new RollingReport(true, gate, plan, 0, 0, notRun(plan, 0), "", DefragExitCodes.SUCCESS);
        }
        long compacted = 0;
        if (options.compact()) {
            try {
                compacted = compact(gate);
                // compaction frees the old revisions' pages: the rule judges the members as they are now
                gate = probe.checkAll();
                plan = RollingPlan.of(gate, options.rule(), options.includeLearners());
            } catch (CliException e) {
                if (!options.keepGoing()) {
                    return new RollingReport(false, gate, plan, 0, 0, notRun(plan, 0), "compaction failed: "
                            + e.getMessage(), DefragExitCodes.STOPPED);
                }
                progress.accept("compaction failed: " + e.getMessage() + "; going on (--keep-going)");
            }
        }
        List<RollingReport.Outcome> outcomes = new ArrayList<>();
        long movedTo = 0;
        boolean failed = false;
        for (int i = 0; i < plan.steps().size(); i++) {
            RollingPlan.Step step = plan.steps().get(i);
            MemberCheck m = step.member();
            if (!step.defragment()) {
                outcomes.add(new RollingReport.Outcome(m, RollingReport.Result.SKIPPED, m.db().dbSize(),
                        m.db().dbSize(), 0, ""));
                continue;
            }
            try {
                if (m.leader() && options.moveLeader()) {
                    movedTo = moveLeader(m, gate);
                }
                outcomes.add(defragment(m));
            } catch (CliException e) {
                failed = true;
                progress.accept("failed: " + m.label() + ": " + e.getMessage());
                outcomes.add(new RollingReport.Outcome(m, RollingReport.Result.FAILED, m.db().dbSize(), 0, 0,
                        e.getMessage()));
                if (!options.keepGoing()) {
                    outcomes.addAll(notRun(plan, i + 1));
                    return new RollingReport(false, gate, plan, compacted, movedTo, outcomes, m.label() + ": "
                            + e.getMessage() + "; the members after it were not touched", DefragExitCodes.STOPPED);
                }
            }
        }
        return new RollingReport(false, gate, plan, compacted, movedTo, outcomes, "",
                failed ? DefragExitCodes.FAILED_STEPS : DefragExitCodes.SUCCESS);
    }

    private static List<RollingReport.Outcome> notRun(RollingPlan plan, int from) {
        List<RollingReport.Outcome> rest = new ArrayList<>();
        for (RollingPlan.Step s : plan.steps().subList(from, plan.steps().size())) {
            rest.add(new RollingReport.Outcome(s.member(), s.defragment() ? RollingReport.Result.NOT_RUN
                    : RollingReport.Result.SKIPPED, s.member().db().dbSize(), s.member().db().dbSize(), 0, ""));
        }
        return rest;
    }

    /** Compacts to the current revision and waits for it to be physically done; already compacted is fine. */
    private long compact(List<MemberCheck> members) {
        try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(endpoints(members)))) {
            long revision = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).range(
                    RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("health")).build()))
                    .getHeader().getRevision();
            progress.accept("compacting to revision " + revision);
            try {
                EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).compact(
                        CompactionRequest.newBuilder().setRevision(revision).setPhysical(true).build()));
            } catch (CliException e) {
                if (e.getMessage() == null || !e.getMessage().contains(ALREADY_COMPACTED)) {
                    throw e;
                }
            }
            return revision;
        }
    }

    /** Hands leadership to the first healthy voting follower, and waits until the old leader sees it lead. */
    private long moveLeader(MemberCheck leader, List<MemberCheck> members) {
        MemberCheck to = members.stream().filter(m -> !m.leader() && !m.learner() && m.healthy()).findFirst()
                .orElseThrow(() -> new CliException(1, "no healthy voting member to move leadership to"));
        progress.accept("moving leadership from " + leader.label() + " to " + to.label());
        try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(leader.endpoint())))) {
            EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                    .moveLeader(MoveLeaderRequest.newBuilder().setTargetID(to.id()).build()));
            long deadline = System.nanoTime() + options.healthTimeout().toNanos();
            while (EtcdConnection.call(() -> connection.stub(io.github.jetcdctl.client.api.MaintenanceGrpc::newBlockingStub)
                    .status(StatusRequest.getDefaultInstance())).getLeader() != to.id()) {
                if (System.nanoTime() > deadline) {
                    throw new CliException(1, "leadership did not move to " + to.label() + " within "
                            + options.healthTimeout().toMillis() + "ms");
                }
                sleep(POLL_MILLIS);
            }
        }
        return to.id();
    }

    private RollingReport.Outcome defragment(MemberCheck m) {
        progress.accept("defragmenting " + m.label() + " at " + m.endpoint() + " (" + m.role() + ")");
        long start = System.nanoTime();
        try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(m.endpoint())))) {
            EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                    .defragment(DefragmentRequest.getDefaultInstance()));
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        if (!options.pause().isZero()) {
            progress.accept("waiting " + options.pause().toMillis() + "ms");
            sleep(options.pause().toMillis());
        }
        awaitHealthy();
        MemberCheck after = probe.check(m.id());
        progress.accept("defragmented " + m.label() + ": " + HumanBytes.format(m.db().dbSize()) + " -> "
                + HumanBytes.format(after.db().dbSize()) + " in " + took + "ms; every member healthy");
        return new RollingReport.Outcome(m, RollingReport.Result.DEFRAGMENTED, m.db().dbSize(), after.db().dbSize(),
                took, "");
    }

    /** Every member healthy again within the health timeout, or a CliException naming who is not. */
    private void awaitHealthy() {
        long deadline = System.nanoTime() + options.healthTimeout().toNanos();
        while (true) {
            List<MemberCheck> unhealthy = probe.checkAll().stream().filter(c -> !c.healthy()).toList();
            if (unhealthy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                List<String> why = new ArrayList<>();
                unhealthy.forEach(c -> why.add(c.label() + " at " + c.endpoint() + ": " + c.problem()));
                throw new CliException(1, "health check after defragmenting failed: " + String.join("; ", why));
            }
            sleep(POLL_MILLIS);
        }
    }

    private static List<String> endpoints(List<MemberCheck> members) {
        return members.stream().map(MemberCheck::endpoint).filter(e -> !e.isEmpty()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(io.github.jetcdctl.ExitCodes.INTERRUPTED, "interrupted");
        }
    }
}
