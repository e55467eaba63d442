package io.github.jetcdctl.cli.coordination;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.lock.LockGrpc;
import io.etcd.jetcd.api.lock.LockRequest;
import io.etcd.jetcd.api.lock.LockResponse;
import io.etcd.jetcd.api.lock.UnlockRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ChildCommand;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.SignalInterrupts;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.LeaseSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lock <lockname> [exec-command arg1 arg2 ...]}: takes the lock with etcd's Lock service on a
 * kept-alive lease, then either runs the command (exiting with its status, as etcdctl 3.5) or prints the
 * lock key and holds the lock until interrupted.
 */
@Command(name = "lock", description = "Acquires a named lock")
public class LockCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<lockname> [exec-command arg1 arg2 ...]",
            description = "the lock name, and a command to run while holding the lock")
    List<String> args = new ArrayList<>();

    @Option(names = "--ttl", converter = GoInt64Converter.class, paramLabel = "<seconds>",
            description = "timeout for session (default 10)")
    long ttl = 10;

    @Override
    protected void run() {
        if (args.isEmpty()) {
            throw CliException.badArgs("lock takes a lock name argument and an optional command to execute");
        }
        try (EtcdConnection connection = session().connect();
                SignalInterrupts signals = SignalInterrupts.forCurrentThread();
                LeaseSession lease = LeaseSession.open(connection, ttl)) {
            LockResponse locked = EtcdConnection.call(() -> connection.stubWithoutDeadline(LockGrpc::newBlockingStub)
                    .lock(LockRequest.newBuilder().setName(ByteString.copyFrom(session().argBytes(args.get(0))))
                            .setLease(lease.leaseId()).build()));
            if (args.size() > 1) {
                runWhileLocked(connection, locked);
                return;
            }
            RangeResponse key = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub)
                    .range(RangeRequest.newBuilder().setKey(locked.getKey()).build()));
            if (key.getKvsCount() == 0) {
                throw new CliException(ExitCodes.ERROR, "lock lost on init");
            }
            session().printer().get(key, false);
            session().out().flush();
            if (Holding.untilInterrupted(lease)) {
                unlock(connection, locked);
                return;
            }
            throw new CliException(ExitCodes.ERROR, "session expired");
        }
    }

    private void runWhileLocked(EtcdConnection connection, LockResponse locked) {
        ChildCommand command = new ChildCommand(args.subList(1, args.size()))
                .env("ETCD_LOCK_KEY", locked.getKey().toStringUtf8())
                .env("ETCD_LOCK_REV", Long.toString(locked.getHeader().getRevision()));
        int status;
        try {
            status = command.run(session().env(), session().out(), session().err());
        } catch (ChildCommand.ChildFailure e) {
            unlock(connection, locked);
            throw new CliException(ExitCodes.ERROR, e.getMessage());
        } catch (InterruptedException e) {
            unlock(connection, locked);
            throw new CliException(ExitCodes.ERROR, "signal: interrupt");
        }
        unlock(connection, locked);
        if (status != 0) {
            // etcdctl exits with the child's code; for a child ended by a signal Go's code is -1, so 255
            int code = ChildCommand.signalOf(status) != 0 ? ExitCodes.SIGNALED_CHILD : status;
            throw new CliException(code, ChildCommand.endText(status));
        }
    }

    private static void unlock(EtcdConnection connection, LockResponse locked) {
        Thread.interrupted(); // the interrupt asked us to stop; the unlock itself must still go through
        EtcdConnection.call(() -> connection.stub(LockGrpc::newBlockingStub)
                .unlock(UnlockRequest.newBuilder().setKey(locked.getKey()).build()));
    }
}
