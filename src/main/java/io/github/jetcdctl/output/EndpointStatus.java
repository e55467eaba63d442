package io.github.jetcdctl.output;

import io.github.jetcdctl.client.api.StatusResponse;

/** One endpoint's status response, printed under the endpoint text as given. */
public record EndpointStatus(String endpoint, StatusResponse status) {
}
