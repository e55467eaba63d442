package io.github.jetcdctl.output;

import java.io.PrintStream;
import java.util.List;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
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
}
