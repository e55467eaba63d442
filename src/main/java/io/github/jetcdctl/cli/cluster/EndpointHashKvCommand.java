package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.client.api.HashKVRequest;
import io.github.jetcdctl.client.api.HashKVResponse;
import io.github.jetcdctl.client.api.MaintenanceGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.EndpointHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code endpoint hashkv [--rev=N]}: the KV history hash of each endpoint, in order. */
@Command(name = "hashkv", description = "Prints the KV history hash for each endpoint in --endpoints")
public class EndpointHashKvCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @ParentCommand
    EndpointCommand endpoint;

    @Option(names = "--rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "maximum revision to hash (default: latest revision)")
    long rev;

    @Override
    protected void run() {
        List<String> targets = endpoint.targets(session(), false);
        var printer = session().printer();
        ConnectionSettings settings = session().connectionSettings();
        List<EndpointHash> results = new ArrayList<>();
        CliException last = null;
        for (String target : targets) {
            try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(target)))) {
                HashKVResponse hash = EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                        .hashKV(HashKVRequest.newBuilder().setRevision(rev).build()));
                results.add(new EndpointHash(target, hash));
            } catch (CliException e) {
                last = e;
                session().err().println("Failed to get the hash of endpoint " + target + " (" + e.getMessage() + ")");
            }
        }
        printer.endpointHash(results);
        if (last != null) {
            throw new CliException(ExitCodes.ERROR, last.getMessage(), last);
        }
    }
}
