package io.github.jetcdctl.cli.context;

import java.io.PrintStream;
import java.util.Optional;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.api.MaintenanceGrpc;
import io.github.jetcdctl.client.api.StatusRequest;
import io.github.jetcdctl.output.EtcdctlLine;

/** The etcdctl line that matches a cluster: the line of the version its first answering member reports. */
final class ClusterLine {
    private ClusterLine() {
    }

    /** Empty, with a note on {@code err}, when no member answers or its line is not one jetcdctl reproduces. */
    static Optional<EtcdctlLine> of(ConnectionSettings settings, PrintStream err) {
        String version;
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            version = EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                    .status(StatusRequest.getDefaultInstance())).getVersion();
        } catch (CliException e) {
            err.println("note: the cluster did not answer (" + e.getMessage() + "), so no compat line is recorded "
                    + "and jetcdctl's default, " + EtcdctlLine.DEFAULT + ", applies; give --compat to choose one");
            return Optional.empty();
        }
        Optional<EtcdctlLine> line = EtcdctlLine.parse(version);
        if (line.isEmpty()) {
            err.println("note: the cluster runs etcd " + version + ", a line jetcdctl does not reproduce, so no compat "
                    + "line is recorded; give --compat to choose one");
        }
        return line;
    }
}
