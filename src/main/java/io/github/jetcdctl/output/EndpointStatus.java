package io.github.jetcdctl.output;

import io.etcd.jetcd.api.StatusResponse;

/** One endpoint's status response, printed under the endpoint text as given. */
public record EndpointStatus(String endpoint, StatusResponse status) {
}
