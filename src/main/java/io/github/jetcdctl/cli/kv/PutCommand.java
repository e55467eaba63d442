package io.github.jetcdctl.cli.kv;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code put [options] <key> <value>}, the value also from standard input. */
@Command(name = "put", customSynopsis = "put [options] <key> <value> (<value> can also be given from stdin)",
        description = {"Puts the given key into the store",
            "Writes <value> under <key>. Without <value> on the command line (and without --ignore-value), the value",
            "is all of standard input, bytes as they come: 'jetcdctl put /config/app < app.json' stores the file.",
            "",
            "A key or value that starts with '-' reads as a flag: put '--' before it",
            "('jetcdctl put -- -key value', 'jetcdctl put key -- -value').",
            "",
            "--ignore-value keeps the key's current value and --ignore-lease its current lease (the key must exist);",
            "--lease attaches the key to a lease (its hexadecimal ID); --prev-kv also prints the pair it replaced."})
public class PutCommand extends EtcdCommand {
    private static final String NEEDS_ARGUMENTS = "put command needs 1 argument and input from stdin or 2 arguments";

    @Parameters(arity = "0..*", paramLabel = "<key> [value]",
            description = "the key, and the value (read from standard input when absent)")
    List<String> args = new ArrayList<>();

    @Option(names = "--lease", paramLabel = "<id>", description = "lease ID (in hexadecimal) to attach to the key")
    String lease = "0";

    @Option(names = "--prev-kv", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "return the previous key-value pair before modification")
    boolean prevKv;

    @Option(names = "--ignore-value", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "updates the key using its current value")
    boolean ignoreValue;

    @Option(names = "--ignore-lease", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "updates the key using its current lease")
    boolean ignoreLease;

    @Override
    protected void run() {
        PutRequest request = buildRequest();
        try (EtcdConnection connection = session().connect()) {
            PutResponse response = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).put(request));
            session().printer().put(response);
        }
    }

    PutRequest buildRequest() {
        return buildRequest(session()::argBytes, session().in());
    }

    /** {@code argBytes} gives an argument's bytes (txn request lines bring their own). */
    PutRequest buildRequest(Function<String, byte[]> argBytes, InputStream stdin) {
        if (args.isEmpty()) {
            throw CliException.badArgs(NEEDS_ARGUMENTS);
        }
        if (ignoreValue && args.size() > 1) {
            throw CliException.badArgs("put command needs only 1 argument when 'ignore-value' is set");
        }
        PutRequest.Builder request = PutRequest.newBuilder()
                .setKey(ByteString.copyFrom(argBytes.apply(args.get(0))));
        if (!ignoreValue) {
            request.setValue(ByteString.copyFrom(valueArgumentOrStdin(argBytes, stdin)));
        }
        long leaseId;
        try {
            leaseId = GoNumbers.parseInt(lease, 16);
        } catch (NumberFormatException e) {
            throw CliException.badArgs("bad lease ID (" + e.getMessage() + "), expecting ID in Hex");
        }
        return request.setLease(leaseId)
                .setPrevKv(prevKv)
                .setIgnoreValue(ignoreValue)
                .setIgnoreLease(ignoreLease)
                .build();
    }

    private byte[] valueArgumentOrStdin(Function<String, byte[]> argBytes, InputStream stdin) {
        if (args.size() > 1) {
            return argBytes.apply(args.get(1));
        }
        try {
            byte[] value = stdin.readAllBytes();
            if (value.length == 0) {
                throw CliException.badArgs(NEEDS_ARGUMENTS);
            }
            return value;
        } catch (IOException e) {
            throw CliException.badArgs(NEEDS_ARGUMENTS);
        }
    }
}
