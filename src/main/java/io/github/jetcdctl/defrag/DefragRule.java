package io.github.jetcdctl.defrag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.jetcdctl.output.HumanBytes;

/**
 * Which members are worth defragmenting: a {@link RuleExpression} (none: every member qualifies). The flags
 * {@code --min-free-bytes N}, {@code --min-free-ratio R} and {@code --min-quota-usage R} are shorthand for
 * {@code dbSizeFree >= N}, {@code dbSizeFreeRatio >= R} and {@code dbQuotaUsage >= R}, joined with {@code &&} to
 * each other and to {@code --rule}: the report shows the whole expression that was judged.
 */
public final class DefragRule {
    public static final DefragRule ANY = new DefragRule(null);

    private final RuleExpression expression;

    private DefragRule(RuleExpression expression) {
        this.expression = expression;
    }

    /**
     * The rule from {@code --rule} (empty for none) and the shorthand flags (0 for none). A bad {@code rule} is a
     * {@link RuleExpression.SyntaxError} with the column in {@code rule}; a bound out of range an
     * IllegalArgumentException.
     */
    public static DefragRule of(String rule, long minFreeBytes, double minFreeRatio, double minQuotaUsage) {
        if (minFreeBytes < 0 || minFreeRatio < 0 || minFreeRatio > 1 || minQuotaUsage < 0 || minQuotaUsage > 1) {
            throw new IllegalArgumentException("bounds are bytes >= 0 and ratios between 0 and 1");
        }
        List<String> shorthand = new ArrayList<>();
        if (minFreeBytes > 0) {
            shorthand.add("dbSizeFree >= " + minFreeBytes);
        }
        if (minFreeRatio > 0) {
            shorthand.add("dbSizeFreeRatio >= " + plain(minFreeRatio));
        }
        if (minQuotaUsage > 0) {
            shorthand.add("dbQuotaUsage >= " + plain(minQuotaUsage));
        }
        String user = rule.strip();
        if (user.isEmpty() && shorthand.isEmpty()) {
            return ANY;
        }
        List<String> terms = new ArrayList<>();
        if (!user.isEmpty()) {
            RuleExpression.parse(user); // its errors point into the user's text, not the joined one
            // && binds tighter than ||: a rule with || joins the others in parentheses
            terms.add(shorthand.isEmpty() || !user.contains("||") ? user : "(" + user + ")");
        }
        terms.addAll(shorthand);
        return new DefragRule(RuleExpression.parse(String.join(" && ", terms)));
    }

    /** The expression judged, or empty when every member qualifies. */
    public String expression() {
        return expression == null ? "" : expression.source();
    }

    public boolean met(MemberCheck m) {
        return expression == null || expression.test(RuleValues.of(m.db()));
    }

    /** Why the member does not qualify, or empty when it does. */
    public Optional<String> unmet(MemberCheck m) {
        if (met(m)) {
            return Optional.empty();
        }
        return Optional.of("rule false: " + String.join("; ", expression.whyFalse(RuleValues.of(m.db()))));
    }

    /** The figures the rule looks at: {@code free 4.1 MB (40.0%) of 10 MB, quota usage 0.5%}. */
    public static String figures(MemberCheck m) {
        return "free " + HumanBytes.format(m.db().free()) + " (" + percent(m.db().freeRatio()) + ") of "
                + HumanBytes.format(m.db().dbSize()) + (m.db().quotaUsage() < 0 ? "" : ", quota usage "
                + percent(m.db().quotaUsage()));
    }

    @Override
    public String toString() {
        return expression();
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
