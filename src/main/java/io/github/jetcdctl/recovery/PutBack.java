package io.github.jetcdctl.recovery;

import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.github.jetcdctl.client.EtcdConnection;

/**
 * Puts an old value back as {@code put} would (no lease: the old one has most likely expired), in one transaction
 * that applies only if the key is still as the newest known change left it: absent after a delete, or at that
 * put's mod revision. Otherwise the key changed since, and nothing is written.
 */
public final class PutBack {
    private PutBack() {
    }

    /** @param newest the key's newest known change, which the cluster must still show */
    public static PutResponse put(EtcdConnection connection, HistoryEntry chosen, HistoryEntry newest) {
        Compare unchanged = newest.delete()
                ? Compare.newBuilder().setKey(chosen.kv().getKey()).setTarget(Compare.CompareTarget.CREATE)
                        .setResult(Compare.CompareResult.EQUAL).setCreateRevision(0).build()
                : Compare.newBuilder().setKey(chosen.kv().getKey()).setTarget(Compare.CompareTarget.MOD)
                        .setResult(Compare.CompareResult.EQUAL).setModRevision(newest.revision()).build();
        PutRequest put = PutRequest.newBuilder().setKey(chosen.kv().getKey()).setValue(chosen.kv().getValue()).build();
        TxnRequest txn = TxnRequest.newBuilder().addCompare(unchanged)
                .addSuccess(RequestOp.newBuilder().setRequestPut(put)).build();
        TxnResponse response = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).txn(txn));
        if (!response.getSucceeded()) {
            throw new RecoveryException("the key changed since revision " + newest.revision()
                    + (newest.delete() ? " (its delete): it exists again" : ": it is no longer at that revision")
                    + "; nothing was written");
        }
        return response.getResponses(0).getResponsePut().toBuilder().setHeader(response.getHeader()).build();
    }
}
