/** Lease commands: grant, revoke, timetolive, list and keep-alive. */
package io.github.jetcdctl.cli.lease;
