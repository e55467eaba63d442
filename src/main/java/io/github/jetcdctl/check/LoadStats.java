package io.github.jetcdctl.check;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers etcdctl's check commands judge, computed as etcd's pkg/report does: requests per second are
 * the successes over the whole run's time; average and standard deviation (of the population) are over the
 * successes, in seconds, NaN when there are none; the slowest is 0 then.
 */
public record LoadStats(int successes, double requestsPerSecond, double slowest, double average, double stddev,
        Map<String, Long> errors) {

    public LoadStats {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    static LoadStats of(double[] latencySeconds, double totalSeconds, Map<String, Long> errors) {
        int n = latencySeconds.length;
        double sum = 0;
        for (double latency : latencySeconds) {
            sum += latency;
        }
        double average = sum / n;
        double squares = 0;
        for (double latency : latencySeconds) {
            double deviation = latency - average;
            squares += deviation * deviation;
        }
        double stddev = Math.sqrt(squares / n);
        double slowest = n == 0 ? 0 : Arrays.stream(latencySeconds).max().getAsDouble();
        return new LoadStats(n, n / totalSeconds, slowest, average, stddev, errors);
    }
}
