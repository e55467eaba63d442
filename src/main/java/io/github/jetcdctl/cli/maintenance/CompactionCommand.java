package io.github.jetcdctl.cli.maintenance;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.KVGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.MaintenanceMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compaction [--physical] <revision>}. */
@Command(name = "compaction", customSynopsis = "compaction [options] <revision>",
        description = "Compacts the event history in etcd")
public class CompactionCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<revision>", description = "the revision to compact up to")
    List<String> args = new ArrayList<>();

    @Option(names = "--physical", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "'true' to wait for compaction to physically remove all old revisions")
    boolean physical;

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("compaction command needs 1 argument");
        }
        long revision;
        try {
            revision = GoNumbers.parseInt(args.get(0), 10);
        } catch (NumberFormatException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage());
        }
        CompactionRequest request = CompactionRequest.newBuilder().setRevision(revision).setPhysical(physical).build();
        try (EtcdConnection connection = session().connect()) {
            EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).compact(request));
        }
        new MaintenanceMessages(session().out(), session().err(), session().line()).compacted(revision);
    }
}
