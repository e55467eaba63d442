package io.github.jetcdctl.output;

import java.io.PrintStream;
import java.util.List;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.ResponseOp;
import io.etcd.jetcd.api.TxnResponse;

/** etcdctl's default format: raw key and value lines, or {@code \xNN} hex with --hex. */
final class SimplePrinter implements Printer {
    private final Output out;
    private final PrintStream err;
    private final boolean hex;

    SimplePrinter(Output out, PrintStream err, boolean hex) {
        this.out = out;
        this.err = err;
        this.hex = hex;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.SIMPLE;
    }

    @Override
    public void get(RangeResponse response, boolean valueOnly) {
        for (KeyValue kv : response.getKvsList()) {
            keyValue(kv, valueOnly);
        }
    }

    @Override
    public void put(PutResponse response) {
        out.println("OK");
        if (response.hasPrevKv()) {
            keyValue(response.getPrevKv(), false);
        }
    }

    @Override
    public void del(DeleteRangeResponse response) {
        out.println(Long.toString(response.getDeleted()));
        for (KeyValue kv : response.getPrevKvsList()) {
            keyValue(kv, false);
        }
    }

    @Override
    public void memberList(MemberListResponse response) {
        joinedRows(ClusterTables.memberRows(response));
    }

    /** Healthy endpoints on stdout, unhealthy ones on stderr, as etcdctl 3.5 prints them. */
    @Override
    public void endpointHealth(List<EndpointHealth> results) {
        for (EndpointHealth h : results) {
            if (h.error().isEmpty()) {
                out.println(h.endpoint() + " is healthy: successfully committed proposal: took = " + h.took());
            } else {
                out.flush();
                err.println(h.endpoint() + " is unhealthy: failed to commit proposal: " + h.error());
            }
        }
    }

    @Override
    public void endpointStatus(List<EndpointStatus> results) {
        joinedRows(ClusterTables.statusRows(results));
    }

    @Override
    public void endpointHash(List<EndpointHash> results) {
        joinedRows(ClusterTables.hashRows(results));
    }

    private void joinedRows(List<List<String>> rows) {
        for (List<String> row : rows) {
            out.println(String.join(", ", row));
        }
    }

    private void keyValue(KeyValue kv, boolean valueOnly) {
        if (!valueOnly) {
            bytesLine(kv.getKey().toByteArray());
        }
        bytesLine(kv.getValue().toByteArray());
    }

    private void bytesLine(byte[] bytes) {
        if (hex) {
            out.print(GoHex.escapedBytes(bytes));
        } else {
            out.write(bytes);
        }
        out.newline();
    }

    /** SUCCESS or FAILURE, then each response as get, put or del print it, after an empty line. */
    @Override
    public void txn(TxnResponse response) {
        out.println(response.getSucceeded() ? "SUCCESS" : "FAILURE");
        for (ResponseOp op : response.getResponsesList()) {
            out.newline();
            switch (op.getResponseCase()) {
                case RESPONSE_RANGE -> get(op.getResponseRange(), false);
                case RESPONSE_PUT -> put(op.getResponsePut());
                case RESPONSE_DELETE_RANGE -> del(op.getResponseDeleteRange());
                default -> {
                    // nested transactions cannot be written in etcdctl's txn syntax
                }
            }
        }
    }

    @Override
    public void leaseGrant(LeaseGrantResponse response) {
        out.println("lease " + GoHex.zeroPadded16(response.getID()) + " granted with TTL(" + response.getTTL() + "s)");
    }

    @Override
    public void leaseRevoke(long leaseId, LeaseRevokeResponse response) {
        out.println("lease " + GoHex.zeroPadded16(leaseId) + " revoked");
    }

    /** A missing lease comes back with a granted TTL of 0 and a TTL of -1. */
    @Override
    public void leaseTimeToLive(LeaseTimeToLiveResponse response, boolean withKeys) {
        String id = GoHex.zeroPadded16(response.getID());
        if (response.getGrantedTTL() == 0 && response.getTTL() == -1) {
            out.println("lease " + id + " already expired");
            return;
        }
        out.print("lease " + id + " granted with TTL(" + response.getGrantedTTL() + "s), remaining("
                + response.getTTL() + "s)");
        if (withKeys) {
            // Go's %v of a []string: the raw strings between brackets, separated by spaces
            out.print(", attached keys([");
            for (int i = 0; i < response.getKeysCount(); i++) {
                if (i > 0) {
                    out.print(" ");
                }
                out.write(response.getKeys(i).toByteArray());
            }
            out.print("])");
        }
        out.newline();
    }

    @Override
    public void leaseList(ResponseHeader header, List<Long> leaseIds) {
        out.println("found " + leaseIds.size() + " leases");
        for (long id : leaseIds) {
            out.println(GoHex.zeroPadded16(id));
        }
    }

    @Override
    public void leaseKeepAlive(LeaseKeepAliveResponse response) {
        out.println("lease " + GoHex.zeroPadded16(response.getID()) + " keepalived with TTL(" + response.getTTL()
                + ")");
    }

    @Override
    public void leaseKeepAliveEnded(long leaseId) {
        out.println("lease " + GoHex.zeroPadded16(leaseId) + " expired or revoked.");
    }
}
