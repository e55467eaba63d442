package io.github.jetcdctl.defrag;

import java.util.List;

/**
 * What a rolling defragmentation did: the gate's view of every member, the plan, each step's outcome, and the
 * exit code it ends with.
 *
 * @param compactedRevision the revision compacted to first (0 when not asked or not reached)
 * @param leaderMovedTo     the member leadership was moved to before the leader's turn (0 when not)
 */
public record RollingReport(boolean dryRun, List<MemberCheck> gate, RollingPlan plan, long compactedRevision,
        long leaderMovedTo, List<Outcome> outcomes, String stoppedBecause, int exitCode) {
    public RollingReport {
        gate = List.copyOf(gate);
        outcomes = List.copyOf(outcomes);
    }

    /** What happened to one planned member. */
    public record Outcome(MemberCheck member, Result result, long dbSizeBefore, long dbSizeAfter, long tookMillis,
            String error) {
    }

    /** A step's result; NOT_RUN for the members after a stop. */
    public enum Result {
        DEFRAGMENTED, SKIPPED, FAILED, NOT_RUN
    }

    public boolean gatePassed() {
        return gate.stream().allMatch(MemberCheck::healthy);
    }

    public long count(Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }
}
