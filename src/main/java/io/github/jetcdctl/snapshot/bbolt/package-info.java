/** bbolt's on-disk format: a page-at-a-time reader, a writer and a compacting copy. */
package io.github.jetcdctl.snapshot.bbolt;
