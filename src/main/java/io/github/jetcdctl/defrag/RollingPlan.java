package io.github.jetcdctl.defrag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order of a rolling defragmentation and the reason for each member: followers one at a time in
 * member-list order, then learners (only when included), the leader last, so that the cluster keeps its leader
 * while the others pause; members that do not meet the rule are listed as skipped.
 *
 * @param rule the rule's whole expression, empty when every member qualifies
 */
public record RollingPlan(String rule, List<Step> steps) {
    public RollingPlan {
        steps = List.copyOf(steps);
    }

    /** One member's place in the plan: the rule's verdict on it, defragment it or not, and why. */
    public record Step(MemberCheck member, boolean ruleMet, boolean defragment, String reason) {
    }

    public static RollingPlan of(List<MemberCheck> members, DefragRule rule, boolean includeLearners) {
        List<MemberCheck> ordered = new ArrayList<>();
        members.stream().filter(m -> !m.leader() && !m.learner()).forEach(ordered::add);
        members.stream().filter(MemberCheck::learner).forEach(ordered::add);
        members.stream().filter(MemberCheck::leader).forEach(ordered::add);
        List<Step> steps = new ArrayList<>();
        for (MemberCheck m : ordered) {
            Optional<String> unmet = rule.unmet(m);
            if (m.learner() && !includeLearners) {
                steps.add(new Step(m, unmet.isEmpty(), false, "learner, skipped (--include-learners to defragment it)"));
                continue;
            }
            String figures = DefragRule.figures(m);
            steps.add(unmet.isPresent() ? new Step(m, false, false, figures + ": " + unmet.get() + ", skipped")
                    : new Step(m, true, true, figures + (m.leader() ? "; leader, last" : "")
                            + (m.nospace() ? "; NOSPACE alarm" : "")));
        }
        return new RollingPlan(rule.expression(), steps);
    }

    public long toDefragment() {
        return steps.stream().filter(Step::defragment).count();
    }
}
