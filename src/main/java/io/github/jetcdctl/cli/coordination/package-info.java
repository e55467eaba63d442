/** Commands built on etcd's concurrency recipes: lock, elect and make-mirror. */
package io.github.jetcdctl.cli.coordination;
