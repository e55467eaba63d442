package io.github.jetcdctl.defrag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.jetcdctl.output.HumanBytes;

/**
 * Which members are worth defragmenting: every given bound must hold (none given: every member qualifies).
 * {@code minFreeBytes}: free pages in the db at least this many bytes; {@code minFreeRatio}: free pages at least
 * this share of the db (0 to 1); {@code minQuotaUsage}: the db at least this share of its quota (0 to 1; a member
 * whose quota is unknown does not meet it).
 */
public record DefragRule(long minFreeBytes, double minFreeRatio, double minQuotaUsage) {
    public static final DefragRule ANY = new DefragRule(0, 0, 0);

    public DefragRule {
        if (minFreeBytes < 0 || minFreeRatio < 0 || minFreeRatio > 1 || minQuotaUsage < 0 || minQuotaUsage > 1) {
            throw new IllegalArgumentException("bounds are bytes >= 0 and ratios between 0 and 1");
        }
    }

    /** Why the member does not qualify, or empty when it does. */
    public Optional<String> unmet(MemberCheck m) {
        List<String> reasons = new ArrayList<>();
        if (minFreeBytes > 0 && m.db().free() < minFreeBytes) {
            reasons.add("free " + HumanBytes.format(m.db().free()) + " < --min-free-bytes "
                    + HumanBytes.format(minFreeBytes));
        }
        if (minFreeRatio > 0 && m.db().freeRatio() < minFreeRatio) {
            reasons.add("free " + percent(m.db().freeRatio()) + " < --min-free-ratio " + percent(minFreeRatio));
        }
        if (minQuotaUsage > 0 && m.db().quotaUsage() < minQuotaUsage) {
            reasons.add(m.db().quotaUsage() < 0 ? "quota unknown for --min-quota-usage"
                    : "quota usage " + percent(m.db().quotaUsage()) + " < --min-quota-usage " + percent(minQuotaUsage));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", reasons));
    }

    /** The figures the rule looks at: {@code free 4.1 MB (40.0%) of 10 MB, quota usage 0.5%}. */
    public static String figures(MemberCheck m) {
        return "free " + HumanBytes.format(m.db().free()) + " (" + percent(m.db().freeRatio()) + ") of "
                + HumanBytes.format(m.db().dbSize()) + (m.db().quotaUsage() < 0 ? "" : ", quota usage "
                + percent(m.db().quotaUsage()));
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
