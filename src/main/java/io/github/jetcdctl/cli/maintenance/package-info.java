/** Maintenance commands: alarm, compaction, defrag and move-leader. */
package io.github.jetcdctl.cli.maintenance;
