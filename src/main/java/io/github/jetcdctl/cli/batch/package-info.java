/** The batch command: many command lines in one process, over shared connections. */
package io.github.jetcdctl.cli.batch;
