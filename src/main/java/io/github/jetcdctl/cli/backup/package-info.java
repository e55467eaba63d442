/**
 * The backup command and its listing: takes a verified snapshot from the first member that answers and rotates old
 * ones.
 */
package io.github.jetcdctl.cli.backup;
