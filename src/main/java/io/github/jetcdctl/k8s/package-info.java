/**
 * Kubernetes objects as the API server stores them in etcd: the protobuf envelope, values encrypted at rest, JSON
 * values, the API types from their published protobuf descriptors, and the YAML and JSON documents that get and
 * watch print for them with --decode=k8s. Its classes, and Kubernetes' own, load only when --decode is given.
 */
package io.github.jetcdctl.k8s;
