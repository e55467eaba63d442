/**
 * The one client factory: endpoints, TLS from PEM files, auth token and timeouts, and the raw gRPC calls jetcd lacks.
 */
package io.github.jetcdctl.client;
