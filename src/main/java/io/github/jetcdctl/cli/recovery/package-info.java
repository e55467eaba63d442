/**
 * Recovering lost keys and objects: history (every kept revision, live and from files), recover (a revision as a
 * Kubernetes manifest, or put back) and compare (members' data dirs side by side, offline).
 */
package io.github.jetcdctl.cli.recovery;
