package io.github.jetcdctl.help;

import java.util.List;

import io.github.jetcdctl.output.EtcdctlLine;

/**
 * Where an older line's etcdctl described a flag in other words than the annotations (today's words): the one table of
 * such texts, so that each line's help says what its etcdctl says. Facts from {@code CMD --help} of each pinned
 * release; a flag whose words never changed has no row.
 */
final class OlderWords {
    /** {@code words} describe {@code --flag} of {@code command} (its path below the root) up to line {@code through}. */
    private record Row(String command, String flag, EtcdctlLine through, String words) {
    }

    private static final List<Row> ROWS = List.of(
            // 3.6 added the sentence about the workload models
            new Row("check perf", "load", EtcdctlLine.V3_5, "The performance check's workload model. Accepted "
                    + "workloads: s(small), m(medium), l(large), xl(xLarge)"),
            new Row("endpoint hashkv", "rev", EtcdctlLine.V3_5, "maximum revision to hash (default: all revisions)"),
            // etcdctl 3.5's own offline defrag (3.6 moved it to etcdutl); later lines show jetcdctl's words
            new Row("defrag", "data-dir", EtcdctlLine.V3_5,
                    "Optional. If present, defragments a data directory not in use by etcd."));

    private OlderWords() {
    }

    /** The words of {@code line}'s etcdctl for the flag, or {@code today} when that line says what the annotations say. */
    static String description(String command, String flag, EtcdctlLine line, String today) {
        for (Row row : ROWS) {
            if (row.command.equals(command) && row.flag.equals(flag) && line.compareTo(row.through) <= 0) {
                return row.words;
            }
        }
        return today;
    }
}
