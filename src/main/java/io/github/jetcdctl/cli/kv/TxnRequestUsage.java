package io.github.jetcdctl.cli.kv;

/**
 * What etcdctl 3.5 writes to stderr, before its error line, when a flag in a txn request line does not
 * parse: the usage of the get, put or del command it builds for that line (no global flags there).
 */
final class TxnRequestUsage {
    static final String GET = """
            Usage:
               get [options] <key> [range_end] [flags]

            Flags:
                  --consistency string   Linearizable(l) or Serializable(s) (default "l")
                  --count-only           Get only the count
                  --from-key             Get keys that are greater than or equal to the given key using byte compare
              -h, --help                 help for get
                  --keys-only            Get only the keys
                  --limit int            Maximum number of results
                  --order string         Order of results; ASCEND or DESCEND (ASCEND by default)
                  --prefix               Get keys with matching prefix
                  --print-value-only     Only write values when using the "simple" output format
                  --rev int              Specify the kv revision
                  --sort-by string       Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION

            """;

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
