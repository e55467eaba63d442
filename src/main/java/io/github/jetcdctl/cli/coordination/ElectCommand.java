package io.github.jetcdctl.cli.coordination;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.CampaignRequest;
import io.etcd.jetcd.api.ElectionGrpc;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.LeaderKey;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResignRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.SignalInterrupts;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.LeaseSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code elect <election-name> [proposal]}: campaigns with etcd's Election service and holds leadership
 * until interrupted; with {@code -l} prints the leader and every change of it instead.
 */
@Command(name = "elect", description = "Observes and participates in leader election")
public class ElectCommand extends EtcdCommand {
    /** etcd's concurrency package gives sessions a 60 second lease unless told otherwise. */
    static final long SESSION_TTL_SECONDS = 60;

    @Parameters(arity = "0..*", paramLabel = "<election-name> [proposal]",
            description = "the election name, and the value to campaign with")
    List<String> args = new ArrayList<>();

    @Option(names = {"-l", "--listen"}, arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "observation mode")
    boolean listen;

    @Override
    protected void run() {
        if (args.size() != 1 && args.size() != 2) {
            throw CliException.badArgs("elect takes one election name argument and an optional proposal argument");
        }
        try (EtcdConnection connection = session().connect();
                SignalInterrupts signals = SignalInterrupts.forCurrentThread()) {
            if (args.size() == 1) {
                if (!listen) {
                    throw CliException.badArgs("no proposal argument but -l not set");
                }
                try (LeaseSession lease = LeaseSession.open(connection, SESSION_TTL_SECONDS)) {
                    new ElectionObserver(connection, session(), session().argBytes(args.get(0))).printUntilInterrupted();
                }
                return;
            }
            if (listen) {
                throw CliException.badArgs("proposal given but -l is set");
            }
            campaign(connection);
        }
    }

    private void campaign(EtcdConnection connection) {
        try (LeaseSession lease = LeaseSession.open(connection, SESSION_TTL_SECONDS)) {
            LeaderKey leader = EtcdConnection.call(() -> connection.stubWithoutDeadline(ElectionGrpc::newBlockingStub)
                    .campaign(CampaignRequest.newBuilder()
                            .setName(ByteString.copyFrom(session().argBytes(args.get(0))))
                            .setLease(lease.leaseId())
                            .setValue(ByteString.copyFrom(session().argBytes(args.get(1))))
                            .build())).getLeader();
            RangeResponse key = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub)
                    .range(RangeRequest.newBuilder().setKey(leader.getKey()).build()));
            session().printer().get(key, false);
            session().out().flush();
            if (!Holding.untilInterrupted(lease)) {
                throw new CliException(ExitCodes.ERROR, "elect: session expired");
            }
            Thread.interrupted(); // the interrupt asked us to stop; resigning must still go through
            EtcdConnection.call(() -> connection.stub(ElectionGrpc::newBlockingStub)
                    .resign(ResignRequest.newBuilder().setLeader(leader).build()));
        }
    }
}
