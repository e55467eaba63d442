/** The space command: where a member's space goes, live or from a db file, with the encryption-at-rest audit. */
package io.github.jetcdctl.cli.space;
