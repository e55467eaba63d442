package io.github.jetcdctl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The order etcdctl's Go resolver gives SRV records, and the names it accepts. */
class SrvRecordTest {
    @Test
    void parsesJndisTextAndKeepsTheRootDot() {
        assertEquals(new SrvRecord(10, 5, 2379, "m0.example.test."), SrvRecord.parse("10 5 2379 m0.example.test."));
        assertEquals(new SrvRecord(0, 0, 2379, "m0.example.test."), SrvRecord.parse("0 0 2379 m0.example.test"));
    }

    @Test
    void lowerPriorityComesFirstAndEqualZeroWeightsKeepTheServersOrder() {
        List<SrvRecord> records = List.of(record(20, 0, "c."), record(10, 0, "b."), record(20, 0, "a."),
                record(10, 0, "d."));
        assertEquals(List.of("b.", "d.", "c.", "a."), targets(SrvRecord.ordered(records, new Random(1))));
    }

    /** A record's chance to come first is its share of the weights; weight 0 goes last among weighted ones. */
    @Test
    void weightsDecideTheOrderAtRandomInProportion() {
        List<SrvRecord> records = List.of(record(0, 0, "zero."), record(0, 1, "light."), record(0, 3, "heavy."));
        Map<String, Integer> firsts = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 4000; i++) {
            List<SrvRecord> ordered = SrvRecord.ordered(records, random);
            assertEquals("zero.", ordered.get(2).target());
            firsts.merge(ordered.get(0).target(), 1, Integer::sum);
        }
        assertFalse(firsts.containsKey("zero."));
        int heavy = firsts.get("heavy.");
        assertTrue(heavy > 2700 && heavy < 3300, "heavy first " + heavy + " times of 4000, expected about 3000");
    }

    @Test
    void domainNamesFollowGosRules() {
        for (String name : List.of("example.test", "example.test.", "_etcd-client-ssl._tcp.example.test", "a",
                "1a.example", "a-b.c", "x".repeat(63) + ".test", "a.".repeat(127))) {
            assertTrue(DomainNames.isDomainName(name), name);
        }
        for (String name : List.of("", ".", "a..b", "-a.b", "a-.b", "a b.c", "a/b", "127.0.0.1", "a.b-",
                "x".repeat(64) + ".test", "a.".repeat(127) + "a", "a.".repeat(126) + "ab")) {
            assertFalse(DomainNames.isDomainName(name), name);
        }
    }

    private static SrvRecord record(int priority, int weight, String target) {
        return new SrvRecord(priority, weight, 2379, target);
    }

    private static List<String> targets(List<SrvRecord> records) {
        return records.stream().map(SrvRecord::target).toList();
    }
}
