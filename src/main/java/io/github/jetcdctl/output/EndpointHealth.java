package io.github.jetcdctl.output;

/** One endpoint's health check: {@code took} is Go duration text; {@code error} empty when healthy. */
public record EndpointHealth(String endpoint, boolean health, String took, String error) {
}
