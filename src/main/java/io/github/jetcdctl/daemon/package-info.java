/**
 * A resident jetcdctl per user and build: a JVM that listens on a Unix-domain socket only its user can reach,
 * and runs command lines for the small native client (src/main/c) with the client's arguments, environment,
 * working directory and streams, so that a short command does not pay for a JVM of its own. The wire format is
 * in {@link io.github.jetcdctl.daemon.Frames}; which command lines it takes is the cli layer's decision.
 */
package io.github.jetcdctl.daemon;
