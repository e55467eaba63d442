/**
 * etcdutl's offline commands on a stopped member's files, with no server: {@code hashkv} of a db or snapshot and
 * {@code migrate} of a data directory's storage version.
 */
package io.github.jetcdctl.cli.offline;
