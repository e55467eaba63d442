package io.github.jetcdctl.cli.watch;

import java.util.List;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.WatchCreateRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.client.KeyRanges;

/** Builds the watch create request from the key arguments and flags, with etcdctl's checks. */
final class WatchRequests {
    private WatchRequests() {
    }

    static WatchCreateRequest create(Session session, List<String> keyArgs, boolean prefix, long rev,
            boolean prevKv, boolean progressNotify) {
        if (keyArgs.isEmpty()) {
            throw CliException.badArgs(WatchArguments.BAD_NUMBER);
        }
        byte[] key = session.argBytes(keyArgs.get(0));
        byte[] rangeEnd = new byte[0];
        if (keyArgs.size() == 2) {
            if (prefix) {
                throw CliException.badArgs("`range_end` and `--prefix` are mutually exclusive");
            }
            rangeEnd = session.argBytes(keyArgs.get(1));
        }
        if (prefix) {
            if (key.length == 0) {
                key = KeyRanges.ZERO;
                rangeEnd = KeyRanges.ZERO;
            } else {
                rangeEnd = KeyRanges.prefixEnd(key);
            }
        }
        return WatchCreateRequest.newBuilder()
                .setKey(ByteString.copyFrom(key))
                .setRangeEnd(ByteString.copyFrom(rangeEnd))
                .setStartRevision(rev)
                .setPrevKv(prevKv)
                .setProgressNotify(progressNotify)
                .build();
    }
}
