package io.github.jetcdctl.bench;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.k8s.StoredObjects;

/**
 * Loads Pods as the API server stores them ({@code k8s\0} envelope, about 380 bytes each) under
 * {@code <prefix>/ns<i%50>/pod-<i>}, for the --decode=k8s benchmark. Usage: {@code PodLoader ENDPOINT PREFIX COUNT}.
 */
public final class PodLoader {
    private PodLoader() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        long start = System.nanoTime();
        Loader.putAll(endpoint, count, 100, i -> Loader.podKey(prefix, i), i -> ByteString.copyFrom(
                StoredObjects.envelope("v1", "Pod", StoredObjects.pod("ns" + i % 50, "pod-" + i))));
        System.err.printf("loaded %d pods under %s in %.1f s%n", count, prefix, (System.nanoTime() - start) / 1e9);
    }
}
