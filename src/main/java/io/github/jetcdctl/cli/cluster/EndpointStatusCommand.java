package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.client.api.MaintenanceGrpc;
import io.github.jetcdctl.client.api.StatusRequest;
import io.github.jetcdctl.client.api.StatusResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.EndpointStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code endpoint status}: each endpoint in order on its own connection; a failing endpoint is reported on
 * stderr and the command ends with exit code 1 and no Error line, as etcdctl does.
 */
@Command(name = "status", description = {"Prints out the status of endpoints specified in `--endpoints` flag",
        "When --write-out is set to simple, this command prints out comma-separated status lists for each endpoint.",
        "The items in the lists are endpoint, ID, version, db size, is leader, is learner, raft term, raft index, "
                + "raft applied index, errors."})
public class EndpointStatusCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @ParentCommand
    EndpointCommand endpoint;

    @Override
    protected void run() {
        List<String> targets = endpoint.targets(session(), false);
        var printer = session().printer();
        ConnectionSettings settings = session().connectionSettings();
        List<EndpointStatus> results = new ArrayList<>();
        boolean failed = false;
        for (String target : targets) {
            try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(target)))) {
                StatusResponse status = EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                        .status(StatusRequest.getDefaultInstance()));
                results.add(new EndpointStatus(target, status));
            } catch (CliException e) {
                failed = true;
                session().err().println("Failed to get the status of endpoint " + target + " (" + e.getMessage() + ")");
            }
        }
        printer.endpointStatus(results);
        if (failed) {
            throw new CliException(ExitCodes.ERROR, null);
        }
    }
}
