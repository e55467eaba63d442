/** check perf and check datascale: etcdctl's write benchmark and memory check against a live cluster. */
package io.github.jetcdctl.cli.check;
