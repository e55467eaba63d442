package io.github.jetcdctl.check;

import java.util.List;
import java.util.SplittableRandom;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.PutRequest;
import io.grpc.Channel;

/** check datascale's load: the load's number of random keys under the prefix, written as fast as the clients go. */
public final class DatascaleWorkload {
    private final DatascaleLoad load;
    private final byte[] prefix;

    public DatascaleWorkload(DatascaleLoad load, byte[] prefix) {
        this.load = load;
        this.prefix = prefix.clone();
    }

    /**
     * Writes every key, or stops early when the thread is interrupted (the interrupt stays set), then waits
     * for the answers still outstanding. {@code afterEachAnswer} runs on an I/O thread after every answer.
     */
    public LoadStats run(List<Channel> channels, Runnable afterEachAnswer) {
        RandomKeys keys = new RandomKeys(prefix, load.keyBytes(), new SplittableRandom());
        ByteString value = ByteString.copyFrom(new byte[load.valueBytes()]);
        return PutLoad.run(channels, load.keys(), afterEachAnswer, puts -> {
            for (int i = 0; i < load.keys(); i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                puts.submit(PutRequest.newBuilder().setKey(keys.next()).setValue(value).build());
            }
        });
    }
}
