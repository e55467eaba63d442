/** The watch command: one-shot and interactive watches, progress requests and the exec of a command per event. */
package io.github.jetcdctl.cli.watch;
