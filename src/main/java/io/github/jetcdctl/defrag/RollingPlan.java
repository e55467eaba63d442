package io.github.jetcdctl.defrag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order of a rolling defragmentation and the reason for each member: followers one at a time in
 * member-list order, then learners (only when included), the leader last, so that the cluster keeps its leader
 * while the others pause; members that do not meet the rule are listed as skipped.
 */
public record RollingPlan(List<Step> steps) {
    public RollingPlan {
        steps = List.copyOf(steps);
    }

    /** One member's place in the plan: defragment it or not, and why. */
    public record Step(MemberCheck member, boolean defragment, String reason) {
    }

    public static RollingPlan of(List<MemberCheck> members, DefragRule rule, boolean includeLearners) {
        List<MemberCheck> ordered = new ArrayList<>();
        members.stream().filter(m -> !m.leader() && !m.learner()).forEach(ordered::add);
        members.stream().filter(MemberCheck::learner).forEach(ordered::add);
        members.stream().filter(MemberCheck::leader).forEach(ordered::add);
        List<Step> steps = new ArrayList<>();
        for (MemberCheck m : ordered) {
            if (m.learner() && !includeLearners) {
                steps.add(new Step(m, false, "learner, skipped (--include-learners to defragment it)"));
                continue;
            }
            Optional<String> unmet = rule.unmet(m);
            String figures = DefragRule.figures(m);
            steps.add(unmet.isPresent() ? new Step(m, false, figures + ": " + unmet.get() + ", skipped")
                    : new Step(m, true, figures + (m.leader() ? "; leader, last" : "")
                            + (m.nospace() ? "; NOSPACE alarm" : "")));
        }
        return new RollingPlan(steps);
    }

    public long toDefragment() {
        return steps.stream().filter(Step::defragment).count();
    }
}
