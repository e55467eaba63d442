/**
 * The command line's shared wiring: the root command and its picocli set-up, global options and their ETCDCTL_* and
 * context overlays, the per-invocation session (streams, client, printer), base command classes and helpers several
 * command families use.
 */
package io.github.jetcdctl.cli;
