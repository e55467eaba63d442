package io.github.jetcdctl.cli.kv;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.RequestOp;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.gosyntax.GoFlags;

/**
 * One request line of {@code txn} ({@code get}, {@code put} or {@code del} with their flags), parsed as
 * the line's etcdctl parses it and validated by the same rules as the commands themselves.
 */
final class TxnRequestParser {
    private static final List<String> COMMANDS = List.of("completion", "del", "get", "help", "put");

    private final PrintStream err;
    private final InputStream stdin;
    private final EtcdctlLine etcdctlLine;

    /** {@code stdin} is what remains of standard input, which a put line without value reads. */
    TxnRequestParser(PrintStream err, InputStream stdin, EtcdctlLine etcdctlLine) {
        this.err = err;
        this.stdin = stdin;
        this.etcdctlLine = etcdctlLine;
    }

    RequestOp parse(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        List<String> args = TxnArguments.split(line, etcdctlLine);
        if (args.size() < 2) {
            throw invalid("invalid txn compare request: " + text);
        }
        String command = resolve(args.get(0));
        if (command == null) {
            throw invalid("invalid txn request: " + text);
        }
        if (command.equals("help") || command.equals("completion")) {
            throw notARequest(text);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "get" -> get(rest, text);
            case "put" -> put(rest, text);
            default -> del(rest, text);
        };
    }

    /** cobra, with etcdctl's prefix matching: an exact name, or the one command the word begins. */
    private static String resolve(String word) {
        if (COMMANDS.contains(word)) {
            return word;
        }
        List<String> matches = new ArrayList<>();
        for (String name : COMMANDS) {
            if (name.startsWith(word)) {
                matches.add(name);
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private RequestOp get(List<String> args, String line) {
        GetCommand get = new GetCommand();
        GoFlags flags = new GoFlags()
                .string("consistency", v -> get.consistency = v)
                .string("order", v -> get.order = v)
                .string("sort-by", v -> get.sortBy = v)
                .int64("limit", v -> get.limit = v)
                .bool("prefix", v -> get.prefix = v)
                .bool("from-key", v -> get.fromKey = v)
                .int64("rev", v -> get.rev = v)
                .bool("keys-only", v -> get.keysOnly = v)
                .bool("count-only", v -> get.countOnly = v)
                .bool("print-value-only", v -> get.printValueOnly = v);
        if (etcdctlLine.has(EtcdctlLine.Addition.GET_REVISION_BOUNDS)) {
            flags.int64("min-mod-rev", v -> get.minModRev = v)
                    .int64("max-mod-rev", v -> get.maxModRev = v)
                    .int64("min-create-rev", v -> get.minCreateRev = v)
                    .int64("max-create-rev", v -> get.maxCreateRev = v);
        }
        if (etcdctlLine.has(EtcdctlLine.Addition.GET_STREAM)) {
            // accepted and without effect: a txn reads its ranges in its one request
            flags.bool("stream", v -> { });
        }
        get.args = parseFlags(flags, args, TxnRequestUsage.get(etcdctlLine), line);
        return RequestOp.newBuilder().setRequestRange(get.buildRequest(TxnArguments::bytes)).build();
    }

    private RequestOp put(List<String> args, String line) {
        PutCommand put = new PutCommand();
        GoFlags flags = new GoFlags()
                .string("lease", v -> put.lease = v)
                .bool("prev-kv", v -> put.prevKv = v)
                .bool("ignore-value", v -> put.ignoreValue = v)
                .bool("ignore-lease", v -> put.ignoreLease = v);
        put.args = parseFlags(flags, args, TxnRequestUsage.PUT, line);
        return RequestOp.newBuilder().setRequestPut(put.buildRequest(TxnArguments::bytes, stdin)).build();
    }

    private RequestOp del(List<String> args, String line) {
        DelCommand del = new DelCommand();
        GoFlags flags = new GoFlags()
                .bool("prefix", v -> del.prefix = v)
                .bool("prev-kv", v -> del.prevKv = v)
                .bool("from-key", v -> del.fromKey = v)
                .bool("range", v -> del.range = v);
        del.args = parseFlags(flags, args, TxnRequestUsage.DEL, line);
        return RequestOp.newBuilder().setRequestDeleteRange(del.buildRequest(TxnArguments::bytes, err, etcdctlLine)).build();
    }

    private List<String> parseFlags(GoFlags flags, List<String> args, String usage, String line) {
        List<String> positional;
        try {
            positional = flags.parse(args);
        } catch (GoFlags.FlagException e) {
            err.print(usage);
            throw invalid("invalid txn request: " + line);
        }
        if (flags.helpRequested()) {
            throw notARequest(line);
        }
        return new ArrayList<>(positional);
    }

    /** etcdctl prints the help and then waits forever for a request that never comes; we stop. */
    private static CliException notARequest(String line) {
        return invalid("invalid txn request: " + line + " (help is not a get, put or del request)");
    }

    private static CliException invalid(String message) {
        return new CliException(ExitCodes.INVALID_INPUT, message);
    }
}
