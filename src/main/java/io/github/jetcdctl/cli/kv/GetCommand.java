package io.github.jetcdctl.cli.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.DecodeOptions;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.KeyRanges;
import io.github.jetcdctl.client.RangePager;
import io.github.jetcdctl.client.RangeStreams;
import io.github.jetcdctl.help.LineAddition;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.output.RangeListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code get [options] <key> [range_end]}. */
@Command(name = "get", customSynopsis = "get [options] <key> [range_end]",
        description = "Gets the key or a range of keys")
public class GetCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<key> [range_end]", description = "the key, and an optional range end")
    List<String> args = new ArrayList<>();

    @Option(names = "--consistency", paramLabel = "<l|s>", description = "Linearizable(l) or Serializable(s)")
    String consistency = "l";

    @Option(names = "--order", paramLabel = "<order>",
            description = "Order of results; ASCEND or DESCEND (ASCEND by default)")
    String order = "";

    @Option(names = "--sort-by", paramLabel = "<target>",
            description = "Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION")
    String sortBy = "";

    @Option(names = "--limit", converter = GoInt64Converter.class, paramLabel = "<n>",
            description = "Maximum number of results")
    long limit;

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Get keys with matching prefix")
    boolean prefix;

    @Option(names = "--from-key", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Get keys that are greater than or equal to the given key using byte compare")
    boolean fromKey;

    @Option(names = "--rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "Specify the kv revision")
    long rev;

    @Option(names = "--keys-only", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Get only the keys")
    boolean keysOnly;

    @Option(names = "--count-only", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Get only the count")
    boolean countOnly;

    @Option(names = "--print-value-only", arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class,
            description = "Only write values when using the \"simple\" output format")
    boolean printValueOnly;

    @Option(names = "--min-mod-rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "Minimum modification revision")
    long minModRev;

    @Option(names = "--max-mod-rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "Maximum modification revision")
    long maxModRev;

    @Option(names = "--min-create-rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "Minimum create revision")
    long minCreateRev;

    @Option(names = "--max-create-rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "Maximum create revision")
    long maxCreateRev;

    @Option(names = "--from", paramLabel = "<file|dir>", description = "read offline instead of from the cluster "
            + "(jetcdctl only): a snapshot or backup file (.db, .db.gz, .db.zst), a member's data dir (stopped, or "
            + "running: read without its lock), or a backup directory (its newest backup)")
    String from;

    @LineAddition(EtcdctlLine.Addition.GET_STREAM)
    @Option(names = "--stream", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Use the RangeStream RPC")
    boolean stream;

    @Mixin
    DecodeOptions decode;

    @Override
    protected void run() {
        RangeRequest request = buildRequest();
        if (decode.enabled() && (keysOnly || countOnly || printValueOnly)) {
            throw CliException.badArgs("--decode prints keys with their decoded values; it does not combine with "
                    + "--keys-only, --count-only or --print-value-only");
        }
        Printer decoding = decode.decodingPrinter(session());
        if (from != null) {
            Printer printer = decoding != null ? decoding : session().printer();
            checkFormat(printer);
            OfflineGet.print(from, request, printer, printValueOnly);
            return;
        }
        try (EtcdConnection connection = session().connect()) {
            Function<RangeRequest, RangeResponse> range =
                    r -> EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).range(r));
            // --stream: etcd 3.7's RangeStream where the server has it; otherwise the range is read as without it
            RangeListing listing = (stream ? RangeStreams.fetch(connection, request).map(RangeListing::of)
                    : Optional.<RangeListing>empty()).orElseGet(() -> RangePager.canPage(request)
                            // (what was printed goes out while the next page is awaited: see RangePager)
                            ? RangePager.fetch(connection, request, () -> session().out().flush())
                            : RangeListing.of(range.apply(request)));
            Printer printer = decoding != null ? decoding : session().printer();
            checkFormat(printer);
            printer.get(listing, printValueOnly);
        }
    }

    private void checkFormat(Printer printer) {
        if (countOnly && printer.format() != OutputFormat.FIELDS) {
            throw CliException.badArgs("--count-only is only for `--write-out=fields`");
        }
        if (printValueOnly && printer.format() != OutputFormat.SIMPLE) {
            throw CliException.badArgs("print-value-only is only for `--write-out=simple`");
        }
    }

    RangeRequest buildRequest() {
        return buildRequest(session()::argBytes);
    }

    /**
     * Validates the arguments in etcdctl's order and maps the flags onto a RangeRequest; {@code argBytes}
     * gives an argument's bytes (txn request lines bring their own).
     */
    RangeRequest buildRequest(Function<String, byte[]> argBytes) {
        if (args.isEmpty()) {
            throw CliException.badArgs("get command needs one argument as key and an optional argument as range_end");
        }
        if (prefix && fromKey) {
            throw CliException.badArgs("`--prefix` and `--from-key` cannot be set at the same time, choose one");
        }
        if (keysOnly && countOnly) {
            throw CliException.badArgs("`--keys-only` and `--count-only` cannot be set at the same time, choose one");
        }
        RangeRequest.Builder request = RangeRequest.newBuilder();
        switch (consistency) {
            case "l":
                break;
            case "s":
                request.setSerializable(true);
                break;
            default:
                throw CliException.badFeature("unknown consistency flag \"" + consistency + "\"");
        }
        byte[] key = argBytes.apply(args.get(0));
        if (args.size() >= 2) {
            if (prefix || fromKey) {
                throw CliException.badArgs(
                        "too many arguments, only accept one argument when `--prefix` or `--from-key` is set");
            }
            request.setRangeEnd(ByteString.copyFrom(argBytes.apply(args.get(1))));
        }
        if (prefix || fromKey) {
            byte[][] range = KeyRanges.expand(key, prefix);
            key = range[0];
            request.setRangeEnd(ByteString.copyFrom(range[1]));
        }
        request.setKey(ByteString.copyFrom(key));
        RangeRequest.SortOrder sortOrder = switch (order.toUpperCase(Locale.ROOT)) {
            case "ASCEND" -> RangeRequest.SortOrder.ASCEND;
            case "DESCEND" -> RangeRequest.SortOrder.DESCEND;
            case "" -> RangeRequest.SortOrder.NONE;
            default -> throw CliException.badFeature("bad sort order " + order);
        };
        RangeRequest.SortTarget sortTarget = switch (sortBy.toUpperCase(Locale.ROOT)) {
            case "CREATE" -> RangeRequest.SortTarget.CREATE;
            case "KEY", "" -> RangeRequest.SortTarget.KEY;
            case "MODIFY" -> RangeRequest.SortTarget.MOD;
            case "VALUE" -> RangeRequest.SortTarget.VALUE;
            case "VERSION" -> RangeRequest.SortTarget.VERSION;
            default -> throw CliException.badFeature("bad sort target " + sortBy);
        };
        // Keys come back in ascending order anyway; etcd's client drops the order so the server need not sort.
        if (sortTarget == RangeRequest.SortTarget.KEY && sortOrder == RangeRequest.SortOrder.ASCEND) {
            sortOrder = RangeRequest.SortOrder.NONE;
        }
        request.setSortOrder(sortOrder).setSortTarget(sortTarget)
                .setLimit(limit)
                .setKeysOnly(keysOnly)
                .setCountOnly(countOnly);
        // etcdctl 3.6's rules: a bound of 0 or less is none, and a minimum above its maximum is refused
        if (minCreateRev > 0) {
            request.setMinCreateRevision(minCreateRev);
        }
        if (maxCreateRev > 0) {
            if (minCreateRev > maxCreateRev) {
                throw CliException.badFeature("getMinCreateRev(=" + minCreateRev + ") > getMaxCreateRev(="
                        + maxCreateRev + ")");
            }
            request.setMaxCreateRevision(maxCreateRev);
        }
        if (minModRev > 0) {
            request.setMinModRevision(minModRev);
        }
        if (maxModRev > 0) {
            if (minModRev > maxModRev) {
                throw CliException.badFeature("getMinModRev(=" + minModRev + ") > getMaxModRev(=" + maxModRev + ")");
            }
            request.setMaxModRevision(maxModRev);
        }
        if (rev > 0) {
            request.setRevision(rev);
        }
        return request.build();
    }
}
