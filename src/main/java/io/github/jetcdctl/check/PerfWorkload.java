package io.github.jetcdctl.check;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.PutRequest;
import io.grpc.Channel;

/**
 * check perf's load: puts of random keys under the prefix at the load's rate, for its duration, over one
 * connection per client.
 */
public final class PerfWorkload {
    private final PerfLoad load;
    private final byte[] prefix;

    public PerfWorkload(PerfLoad load, byte[] prefix) {
        this.load = load;
        this.prefix = prefix.clone();
    }

    /**
     * Runs until the load's time is up or the thread is interrupted, then waits for the answers still
     * outstanding. An interrupt ends the run early and stays set for the caller to see.
     */
    public LoadStats run(List<Channel> channels) {
        RateLimiter limiter = new RateLimiter(load.writesPerSecond());
        RandomKeys keys = new RandomKeys(prefix, PerfLoad.KEY_BYTES, new SplittableRandom());
        ByteString value = ByteString.copyFrom(new byte[PerfLoad.VALUE_BYTES]);
        return PutLoad.run(channels, load.maxPuts(), () -> { }, puts -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(load.seconds());
            while (limiter.acquire(deadline)) {
                if (puts.submit(PutRequest.newBuilder().setKey(keys.next()).setValue(value).build())) {
                    limiter.dropMissed();
                }
            }
        });
    }
}
