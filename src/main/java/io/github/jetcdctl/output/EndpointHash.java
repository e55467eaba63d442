package io.github.jetcdctl.output;

import io.github.jetcdctl.client.api.HashKVResponse;

/** One endpoint's KV hash, printed under the endpoint text as given. */
public record EndpointHash(String endpoint, HashKVResponse hash) {
}
