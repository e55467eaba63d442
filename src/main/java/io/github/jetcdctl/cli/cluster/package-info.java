/**
 * Membership and endpoint commands: member add, list, promote, remove, update, and endpoint health, status and hashkv.
 */
package io.github.jetcdctl.cli.cluster;
