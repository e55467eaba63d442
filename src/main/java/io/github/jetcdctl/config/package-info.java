/** The named-contexts file and the kubeadm manifest reader. */
package io.github.jetcdctl.config;
