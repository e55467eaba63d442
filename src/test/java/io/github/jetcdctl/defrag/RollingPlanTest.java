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
        RollingPlan plan = RollingPlan.of(List.of(fragmented, tidy), DefragRule.of("", 0, 0.3, 0.4), false);
        assertEquals("dbSizeFreeRatio >= 0.3 && dbQuotaUsage >= 0.4", plan.rule());
        assertTrue(plan.steps().get(0).defragment(), plan.toString());
        assertTrue(plan.steps().get(0).ruleMet());
        assertFalse(plan.steps().get(1).defragment());
        assertFalse(plan.steps().get(1).ruleMet());
        assertEquals("free 1.0 MB (2.0%) of 50 MB, quota usage 50.0%: rule false: dbSizeFreeRatio >= 0.3 is false "
                + "(dbSizeFreeRatio 0.020), skipped", plan.steps().get(1).reason());
        RollingPlan byBytes = RollingPlan.of(List.of(fragmented), DefragRule.of("", 50_000_000, 0, 0), false);
        assertEquals("free 40 MB (80.0%) of 50 MB, quota usage 50.0%: rule false: dbSizeFree >= 50000000 is false "
                + "(dbSizeFree 40 MB), skipped", byBytes.steps().get(0).reason());
        RollingPlan byQuota = RollingPlan.of(List.of(fragmented), DefragRule.of("", 0, 0, 0.9), false);
        assertTrue(byQuota.steps().get(0).reason().endsWith("rule false: dbQuotaUsage >= 0.9 is false "
                + "(dbQuotaUsage 0.500), skipped"), byQuota.steps().get(0).reason());
    }

    @Test
    void theShorthandFlagsAreJoinedToTheRuleWithAnd() {
        assertEquals("", DefragRule.of(" ", 0, 0, 0).expression());
        assertEquals("dbSizeFree > 1MB", DefragRule.of(" dbSizeFree > 1MB ", 0, 0, 0).expression());
        assertEquals("dbSizeFree > 1MB && dbSizeFreeRatio >= 0.25",
                DefragRule.of("dbSizeFree > 1MB", 0, 0.25, 0).expression());
        // && binds tighter than ||: a rule with || keeps its meaning in parentheses
        DefragRule either = DefragRule.of("dbQuotaUsage > 0.8 || dbSizeFree > 20MB", 1_000_000, 0, 0);
        assertEquals("(dbQuotaUsage > 0.8 || dbSizeFree > 20MB) && dbSizeFree >= 1000000", either.expression());
        MemberCheck fragmented = member(1, "a", false, false, 50_000_000, 10_000_000); // 40 MB free, usage 0.5
        MemberCheck tidy = member(2, "b", false, false, 50_000_000, 49_500_000); // 500 kB free
        assertTrue(either.met(fragmented));
        assertFalse(either.met(tidy));
        assertTrue(DefragRule.ANY.met(tidy));
    }

    @Test
    void aBadRulePointsIntoTheUsersTextNotTheJoinedOne() {
        RuleExpression.SyntaxError e = org.junit.jupiter.api.Assertions.assertThrows(RuleExpression.SyntaxError.class,
                () -> DefragRule.of("dbSize >", 1, 0.5, 0));
        assertEquals(9, e.column());
    }
}
