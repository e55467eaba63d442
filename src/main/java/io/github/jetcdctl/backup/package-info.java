/** The backup run behind the backup command: naming, locking, verification, retention and the report. */
package io.github.jetcdctl.backup;
