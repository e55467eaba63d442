package io.github.jetcdctl.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** One DNS SRV record; the target is a fully qualified name with its trailing dot, as Go reports it. */
record SrvRecord(int priority, int weight, int port, String target) {

    /** Parses the JNDI form of the record data, {@code "priority weight port target"}. */
    static SrvRecord parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 4) {
            throw new IllegalArgumentException("malformed SRV record: " + text);
        }
        String target = f[3].endsWith(".") ? f[3] : f[3] + ".";
        return new SrvRecord(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), target);
    }

    /**
     * RFC 2782's order, as Go's resolver makes it: ascending priority; within one priority, by weight at random
     * (a record's chance to come next is its share of the weights left), records of weight 0 after the others
     * unless all are 0, and then in the order the server sent them.
     */
    static List<SrvRecord> ordered(List<SrvRecord> records, RandomGenerator random) {
        List<SrvRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(SrvRecord::priority).thenComparingInt(SrvRecord::weight));
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i).priority() != sorted.get(start).priority()) {
                shuffleByWeight(sorted.subList(start, i), random);
                start = i;
            }
        }
        return sorted;
    }

    private static void shuffleByWeight(List<SrvRecord> group, RandomGenerator random) {
        int sum = group.stream().mapToInt(SrvRecord::weight).sum();
        for (int first = 0; sum > 0 && group.size() - first > 1; first++) {
            int pick = random.nextInt(sum);
            int running = 0;
            for (int i = first; i < group.size(); i++) {
                running += group.get(i).weight();
                if (running > pick) {
                    if (i > first) {
                        SrvRecord chosen = group.get(i);
                        group.set(i, group.get(first));
                        group.set(first, chosen);
                    }
                    break;
                }
            }
            sum -= group.get(first).weight();
        }
    }
}
