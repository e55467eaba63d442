package io.github.jetcdctl.defrag;

import java.util.Locale;

import io.github.jetcdctl.output.HumanBytes;
import io.github.jetcdctl.space.DbSpace;

/**
 * A member's figures under the names a rule uses. {@code dbQuota} and {@code dbQuotaUsage} are NaN when the
 * quota is unknown.
 */
public record RuleValues(double dbSize, double dbSizeInUse, double dbSizeFree, double dbSizeFreeRatio, double dbQuota,
        double dbQuotaUsage) {

    public static RuleValues of(DbSpace db) {
        boolean quotaKnown = db.quota().known();
        return new RuleValues(db.dbSize(), db.inUse(), db.free(), db.freeRatio(),
                quotaKnown ? db.quota().bytes() : Double.NaN, quotaKnown ? db.quotaUsage() : Double.NaN);
    }

    /** {@code 1.2 MB} for sizes, {@code 0.125} for ratios, {@code unknown} for NaN. */
    static String format(RuleExpression.Variable variable, double value) {
        if (Double.isNaN(value)) {
            return "unknown";
        }
        return variable.bytes() ? HumanBytes.format((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
