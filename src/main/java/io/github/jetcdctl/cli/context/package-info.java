/** Named-context commands: add (also from a kubeadm manifest), use, list, show and remove. */
package io.github.jetcdctl.cli.context;
