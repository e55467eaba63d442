/**
 * Documentation generated from the command tree: the man page and the bash/zsh completion scripts, and the completion
 * command that prints them.
 */
package io.github.jetcdctl.cli.docs;
