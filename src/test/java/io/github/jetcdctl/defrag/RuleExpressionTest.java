package io.github.jetcdctl.defrag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The --rule language: parsing, units, precedence, types, errors with their column, and the explanation. */
class RuleExpressionTest {
    /** 300 MiB db, 100 MiB in use (200 MiB free, 2/3), quota 400 MiB (usage 0.75). */
    private static final RuleValues MEMBER = new RuleValues(300 << 20, 100 << 20, 200 << 20, 2.0 / 3, 400 << 20,
            0.75);
    private static final RuleValues NO_QUOTA = new RuleValues(300 << 20, 100 << 20, 200 << 20, 2.0 / 3, Double.NaN,
            Double.NaN);

    private static boolean test(String rule, RuleValues values) {
        return RuleExpression.parse(rule).test(values);
    }

    private static boolean test(String rule) {
        return test(rule, MEMBER);
    }

    private static RuleExpression.SyntaxError error(String rule) {
        return assertThrows(RuleExpression.SyntaxError.class, () -> RuleExpression.parse(rule));
    }

    @Test
    void comparesEveryVariable() {
        assertTrue(test("dbSize == 300MiB"));
        assertTrue(test("dbSizeInUse == 100 MiB"));
        assertTrue(test("dbSizeFree >= 200MiB"));
        assertFalse(test("dbSizeFree > 200MiB"));
        assertTrue(test("dbSizeFreeRatio > 0.66 && dbSizeFreeRatio < 0.67"));
        assertTrue(test("dbQuota == 400MiB"));
        assertTrue(test("dbQuotaUsage >= 75%"));
        assertFalse(test("dbQuotaUsage > 0.8"));
    }

    @Test
    void unitsAreDecimalOrBinaryAndCaseInsensitive() {
        RuleValues mb = new RuleValues(1_000_000, 0, 0, 0, Double.NaN, Double.NaN);
        assertTrue(test("dbSize == 1MB", mb));
        assertTrue(test("dbSize == 1mb", mb));
        assertTrue(test("dbSize == 1000kB", mb));
        assertTrue(test("dbSize == 1000000B", mb));
        assertTrue(test("dbSize < 1MiB", mb));
        assertTrue(test("dbSize == 0.001GB", mb)); // scaled exactly, not 0.001 * 1e9 in floating point
        assertTrue(test("dbSize * 1024 * 1024 > 0.9 TiB", mb));
        assertTrue(test("dbSize > 0.9 MiB && dbSize < .96MiB", mb));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesRegroup() {
        // true || (false && false) is true; (true || false) && false is false
        assertTrue(test("dbSize > 0 || dbSize < 0 && dbSize < 0"));
        assertFalse(test("(dbSize > 0 || dbSize < 0) && dbSize < 0"));
        assertTrue(test("!(dbSize < 0)"));
        assertFalse(test("!!(dbSize < 0)"));
        assertTrue(test("true && !false"));
    }

    @Test
    void arithmeticFollowsTheUsualPrecedence() {
        // ahrtr/etcd-defrag's style of rule
        assertTrue(test("dbSize > dbQuota*70/100 || dbSize - dbSizeInUse > 200*1024*1024"));
        assertTrue(test("dbSize - dbSizeInUse == dbSizeFree"));
        assertTrue(test("2 + 3 * 4 == 14"));
        assertTrue(test("(2 + 3) * 4 == 20"));
        assertTrue(test("-dbSize < 0"));
        assertTrue(test("10 - 2 - 3 == 5"));
    }

    @Test
    void anUnknownQuotaMakesEveryComparisonWithItFalse() {
        assertFalse(test("dbQuotaUsage > 0.8", NO_QUOTA));
        assertFalse(test("dbQuotaUsage <= 0.8", NO_QUOTA));
        assertTrue(test("dbQuotaUsage > 0.8 || dbSizeFree > 100MiB", NO_QUOTA));
        assertEquals(List.of("dbQuotaUsage > 0.8 is false (dbQuotaUsage unknown)"),
                RuleExpression.parse("dbQuotaUsage > 0.8").whyFalse(NO_QUOTA));
    }

    @Test
    void aFalseVerdictNamesTheComparisonsThatDecidedIt() {
        assertEquals(List.of(), RuleExpression.parse("dbSize > 0").whyFalse(MEMBER));
        // an && is false by its first false side
        assertEquals(List.of("dbSizeFree > 300MiB is false (dbSizeFree 210 MB)"),
                RuleExpression.parse("dbSize > 0 && dbSizeFree > 300MiB && dbSize > 1GB").whyFalse(MEMBER));
        // an || is false by both
        assertEquals(List.of("dbQuotaUsage > 0.8 is false (dbQuotaUsage 0.750)",
                "dbSizeFree > 300MiB is false (dbSizeFree 210 MB)"),
                RuleExpression.parse("dbQuotaUsage > 0.8 || dbSizeFree > 300MiB").whyFalse(MEMBER));
        // a ! turns its operand's truth into the reason
        assertEquals(List.of("dbSize > 1MB is true (dbSize 315 MB)"),
                RuleExpression.parse("!(dbSize > 1MB)").whyFalse(MEMBER));
        assertEquals(List.of("dbSize - dbSizeInUse < 1KiB is false (dbSize 315 MB, dbSizeInUse 105 MB)"),
                RuleExpression.parse("(dbSize - dbSizeInUse < 1KiB)").whyFalse(MEMBER));
    }

    @Test
    void aBadExpressionIsOneErrorNamingTheColumn() {
        assertEquals("column 10: expected a number, a variable or \"(\", found the end", error("dbSize > ").getMessage());
        assertEquals("column 1: unknown variable \"dbsize\" (use dbSize, dbSizeInUse, dbSizeFree, dbSizeFreeRatio, "
                + "dbQuota, dbQuotaUsage)", error("dbsize > 1").getMessage());
        assertEquals("column 13: unknown unit \"MiBs\" (use B, KB, MB, GB, TB, KiB, MiB, GiB, TiB or %)",
                error("dbSize > 200MiBs").getMessage());
        assertEquals("column 8: unexpected \"&\" (use && and ||)", error("dbSize & 1").getMessage());
        assertEquals("column 8: unexpected \"=\" (use == to compare)", error("dbSize = 1").getMessage());
        assertEquals("column 1: the rule must be true or false, not a number (compare it: > < >= <= == !=)",
                error("dbSize").getMessage());
        assertEquals("column 8: each side of && must be true or false, not a number (compare it: > < >= <= == !=)",
                error("dbSize && dbSize > 1").getMessage());
        assertEquals("column 12: comparisons do not chain (join them with &&), found \">\"",
                error("dbSize > 1 > 2").getMessage());
        assertEquals("column 12: + takes numbers, not true or false", error("dbSize > 1 + true").getMessage());
        assertEquals("column 1: the operand of ! must be true or false, not a number (compare it: > < >= <= == !=)",
                error("!dbSize").getMessage());
        assertEquals("column 14: expected \")\" to close the \"(\" at column 1, found the end",
                error("(dbSize > 1MB").getMessage());
        assertEquals("column 13: expected an operator or the end, found \")\"", error("dbSize > 1MB)").getMessage());
        assertEquals("column 10: \"1.2.3\" is not a number", error("dbSize > 1.2.3").getMessage());
        assertEquals(17, error("dbSize > 1MB || ").column());
    }
}
