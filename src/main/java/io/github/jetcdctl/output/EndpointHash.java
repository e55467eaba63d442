package io.github.jetcdctl.output;

import io.etcd.jetcd.api.HashKVResponse;

/** One endpoint's KV hash, printed under the endpoint text as given. */
public record EndpointHash(String endpoint, HashKVResponse hash) {
}
