/** jetcdctl: an etcdctl-compatible command-line client for etcd. */
package io.github.jetcdctl;
