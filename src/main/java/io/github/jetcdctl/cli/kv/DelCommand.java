package io.github.jetcdctl.cli.kv;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KVGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.KeyRanges;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code del [options] <key> [range_end]}. */
@Command(name = "del", customSynopsis = "del [options] <key> [range_end]",
        description = "Removes the specified key or range of keys [key, range_end)")
public class DelCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<key> [range_end]", description = "the key, and an optional range end")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "delete keys with matching prefix")
    boolean prefix;

    @Option(names = "--prev-kv", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "return deleted key-value pairs")
    boolean prevKv;

    @Option(names = "--from-key", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "delete keys that are greater than or equal to the given key using byte compare")
    boolean fromKey;

    @Option(names = "--range", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "delete range of keys")
    boolean range;

    @Override
    protected void run() {
        DeleteRangeRequest request = buildRequest();
        try (EtcdConnection connection = session().connect()) {
            DeleteRangeResponse response = EtcdConnection.call(
                    () -> connection.stub(KVGrpc::newBlockingStub).deleteRange(request));
            session().printer().del(response);
        }
    }

    DeleteRangeRequest buildRequest() {
        return buildRequest(session()::argBytes, session().err(), session().line());
    }

    /** {@code argBytes} gives an argument's bytes (txn request lines bring their own). */
    DeleteRangeRequest buildRequest(Function<String, byte[]> argBytes, PrintStream err, EtcdctlLine line) {
        if (args.isEmpty() || args.size() > 2) {
            throw CliException.badArgs("del command needs one argument as key and an optional argument as range_end");
        }
        if (prefix && fromKey) {
            throw CliException.badArgs("`--prefix` and `--from-key` cannot be set at the same time, choose one");
        }
        DeleteRangeRequest.Builder request = DeleteRangeRequest.newBuilder().setPrevKv(prevKv);
        byte[] key = argBytes.apply(args.get(0));
        if (args.size() == 2) {
            if (prefix || fromKey) {
                throw CliException.badArgs(
                        "too many arguments, only accept one argument when `--prefix` or `--from-key` is set");
            }
            byte[] rangeEnd = argBytes.apply(args.get(1));
            if (!range) {
                err.println(line.rangeDeleteWarning(key, rangeEnd));
                pause(line.rangeDeleteDelay());
            }
            request.setRangeEnd(ByteString.copyFrom(rangeEnd));
        }
        if (prefix || fromKey) {
            byte[][] range = KeyRanges.expand(key, prefix);
            key = range[0];
            request.setRangeEnd(ByteString.copyFrom(range[1]));
        }
        return request.setKey(ByteString.copyFrom(key)).build();
    }

    /** The time etcdctl 3.6 gives the user to interrupt a range delete; an interrupt ends the command. */
    private static void pause(java.time.Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, null);
        }
    }
}
