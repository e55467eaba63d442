package io.github.jetcdctl.defrag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jetcdctl.testing.EtcdCluster;

/** The server's own evidence of defragmentations: etcd's JSON log lines, with their timestamps. */
final class ServerLogs {
    static final String STARTED = "\"msg\":\"defragmenting\"";
    static final String FINISHED = "\"msg\":\"finished defragmenting directory\"";
    private static final Pattern TS = Pattern.compile("\"ts\":\"([^\"]+)\"");

    private ServerLogs() {
    }

    static List<String> lines(EtcdCluster.Member member, String marker) {
        try {
            return Files.readAllLines(member.logFile()).stream().filter(l -> l.contains(marker)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int count(EtcdCluster.Member member, String marker) {
        return lines(member, marker).size();
    }

    /** The time of the member's last log line with the marker. */
    static Instant last(EtcdCluster.Member member, String marker) {
        List<String> lines = lines(member, marker);
        if (lines.isEmpty()) {
            throw new AssertionError(member + " logged no " + marker);
        }
        Matcher m = TS.matcher(lines.get(lines.size() - 1));
        if (!m.find()) {
            throw new AssertionError("no ts in " + lines.get(lines.size() - 1));
        }
        return Instant.parse(m.group(1));
    }

    static List<Integer> counts(EtcdCluster cluster, String marker) {
        List<Integer> counts = new ArrayList<>();
        cluster.members().forEach(m -> counts.add(count(m, marker)));
        return counts;
    }
}
