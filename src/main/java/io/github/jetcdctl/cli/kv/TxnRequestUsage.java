package io.github.jetcdctl.cli.kv;

import java.util.List;

import io.github.jetcdctl.output.EtcdctlLine;

/**
 * What etcdctl writes to stderr, before its error line, when a flag in a txn request line does not
 * parse: the usage of the get, put or del command it builds for that line (no global flags there).
 */
final class TxnRequestUsage {
    /** get's flags as cobra lists them, each with the addition that brought it (null: on every line). */
    private record Flag(String text, EtcdctlLine.Addition since) {
    }

    private static final List<Flag> GET_FLAGS = List.of(
            new Flag("      --consistency string   Linearizable(l) or Serializable(s) (default \"l\")", null),
            new Flag("      --count-only           Get only the count", null),
            new Flag("      --from-key             Get keys that are greater than or equal to the given key using "
                    + "byte compare", null),
            new Flag("  -h, --help                 help for get", null),
            new Flag("      --keys-only            Get only the keys", null),
            new Flag("      --limit int            Maximum number of results", null),
            new Flag("      --max-create-rev int   Maximum create revision", EtcdctlLine.Addition.GET_REVISION_BOUNDS),
            new Flag("      --max-mod-rev int      Maximum modification revision",
                    EtcdctlLine.Addition.GET_REVISION_BOUNDS),
            new Flag("      --min-create-rev int   Minimum create revision", EtcdctlLine.Addition.GET_REVISION_BOUNDS),
            new Flag("      --min-mod-rev int      Minimum modification revision",
                    EtcdctlLine.Addition.GET_REVISION_BOUNDS),
            new Flag("      --order string         Order of results; ASCEND or DESCEND (ASCEND by default)", null),
            new Flag("      --prefix               Get keys with matching prefix", null),
            new Flag("      --print-value-only     Only write values when using the \"simple\" output format", null),
            new Flag("      --rev int              Specify the kv revision", null),
            new Flag("      --sort-by string       Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION", null),
            new Flag("      --stream               Use the RangeStream RPC", EtcdctlLine.Addition.GET_STREAM));

    /** The usage of get on {@code line}: 3.6 added the revision bounds, 3.7 {@code --stream}. */
    static String get(EtcdctlLine line) {
        StringBuilder usage = new StringBuilder("Usage:\n   get [options] <key> [range_end] [flags]\n\nFlags:\n");
        for (Flag flag : GET_FLAGS) {
            if (flag.since() == null || line.has(flag.since())) {
                usage.append(flag.text()).append('\n');
            }
        }
        return usage.append('\n').toString();
    }

    static final String PUT = """
            Usage:
               put [options] <key> <value> (<value> can also be given from stdin) [flags]

            Flags:
              -h, --help           help for put
                  --ignore-lease   updates the key using its current lease
                  --ignore-value   updates the key using its current value
                  --lease string   lease ID (in hexadecimal) to attach to the key (default "0")
                  --prev-kv        return the previous key-value pair before modification

            """;

    static final String DEL = """
            Usage:
               del [options] <key> [range_end] [flags]

            Flags:
                  --from-key   delete keys that are greater than or equal to the given key using byte compare
              -h, --help       help for del
                  --prefix     delete keys with matching prefix
                  --prev-kv    return deleted key-value pairs
                  --range      delete range of keys

            """;

    private TxnRequestUsage() {
    }
}
