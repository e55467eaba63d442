package io.github.jetcdctl.defrag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.space.BackendQuota;
import io.github.jetcdctl.space.DbSpace;

/** The order of a rolling defragmentation and the rule's reasons, on members as the gate would see them. */
class RollingPlanTest {
    private static MemberCheck member(long id, String name, boolean leader, boolean learner, long size, long inUse) {
        return new MemberCheck(id, name, "http://" + name + ":2379", learner, leader, true, "",
                new DbSpace(size, inUse, new BackendQuota(100_000_000, BackendQuota.Source.METRICS), List.of()),
                false);
    }

    private static List<String> names(RollingPlan plan) {
        return plan.steps().stream().map(s -> s.member().name()).toList();
    }

    @Test
    void followersFirstInMemberListOrderThenLearnersThenTheLeader() {
        List<MemberCheck> members = List.of(member(1, "a", true, false, 10, 5), member(2, "b", false, true, 10, 5),
                member(3, "c", false, false, 10, 5), member(4, "d", false, false, 10, 5));
        RollingPlan withLearners = RollingPlan.of(members, DefragRule.ANY, true);
        assertEquals(List.of("c", "d", "b", "a"), names(withLearners));
        assertEquals(4, withLearners.toDefragment());
        RollingPlan without = RollingPlan.of(members, DefragRule.ANY, false);
        assertEquals(List.of("c", "d", "b", "a"), names(without));
        assertFalse(without.steps().get(2).defragment());
        assertTrue(without.steps().get(2).reason().startsWith("learner, skipped"));
        assertTrue(without.steps().get(3).reason().endsWith("; leader, last"));
    }

    @Test
    void aMemberBelowARuleIsSkippedWithTheReason() {
        MemberCheck fragmented = member(1, "a", false, false, 50_000_000, 10_000_000);
        MemberCheck tidy = member(2, "b", true, false, 50_000_000, 49_000_000);
        RollingPlan plan = RollingPlan.of(List.of(fragmented, tidy), new DefragRule(0, 0.3, 0.4), false);
        assertTrue(plan.steps().get(0).defragment(), plan.toString());
        assertFalse(plan.steps().get(1).defragment());
        assertEquals("free 1.0 MB (2.0%) of 50 MB, quota usage 50.0%: free 2.0% < --min-free-ratio 30.0%, skipped",
                plan.steps().get(1).reason());
        RollingPlan byBytes = RollingPlan.of(List.of(fragmented), new DefragRule(50_000_000, 0, 0), false);
        assertEquals("free 40 MB (80.0%) of 50 MB, quota usage 50.0%: free 40 MB < --min-free-bytes 50 MB, skipped",
                byBytes.steps().get(0).reason());
        RollingPlan byQuota = RollingPlan.of(List.of(fragmented), new DefragRule(0, 0, 0.9), false);
        assertTrue(byQuota.steps().get(0).reason().contains("quota usage 50.0% < --min-quota-usage 90.0%"));
    }
}
