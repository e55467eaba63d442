/** Key-value commands: get, put, del, and txn, whose requests are parsed with get, put and del's own flags. */
package io.github.jetcdctl.cli.kv;
