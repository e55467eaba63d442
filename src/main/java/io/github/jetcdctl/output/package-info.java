/**
 * One Printer per --write-out format, and the Go-compatible JSON, quoting, tables, sizes and durations they print
 * with.
 */
package io.github.jetcdctl.output;
