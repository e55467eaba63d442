package io.github.jetcdctl.backup;

/**
 * Exit codes of {@code backup} and {@code backup list}, one per kind of failure, so that a cron wrapper or a
 * monitoring check can tell them apart. They start at 10 to stay clear of etcdctl's own codes (1 to 6, 128).
 */
public final class BackupExitCodes {
    public static final int SUCCESS = 0;
    /** A bad command line (unknown flag, bad value, missing DIR) or an unexpected internal error. */
    public static final int USAGE = 1;
    /** Another backup holds the lock file in DIR. */
    public static final int LOCKED = 10;
    /** Free space in DIR is below --min-free. */
    public static final int LOW_DISK_SPACE = 11;
    /** No endpoint could be reached, or every snapshot stream broke off (member list included for --cluster). */
    public static final int NO_ENDPOINT = 12;
    /** A snapshot arrived but did not verify (SHA-256 trailer or status reader); for list: a backup does not. */
    public static final int VERIFY_FAILED = 13;
    /** Writing into DIR failed (creating, writing, compressing, syncing or renaming the backup). */
    public static final int WRITE_FAILED = 14;
    /** The new backup is in place, but removing an old one for retention failed. */
    public static final int RETENTION_FAILED = 15;
    /** DIR is missing, not a directory, or cannot be written. */
    public static final int BAD_DIRECTORY = 16;

    /** The list for {@code backup --help} (a picocli footer, hence {@code %n}); docs/backups.md repeats it. */
    public static final String HELP = "%nExit codes:%n"
            + "  " + SUCCESS + "   backup written and verified, retention applied%n"
            + "  " + USAGE + "   bad command line, or an unexpected error%n"
            + "  " + LOCKED + "  another backup is running in DIR (its lock file is held)%n"
            + "  " + LOW_DISK_SPACE + "  free space in DIR is below --min-free%n"
            + "  " + NO_ENDPOINT + "  no endpoint reachable, or every snapshot stream failed%n"
            + "  " + VERIFY_FAILED + "  a received snapshot did not verify (list: a backup does not verify)%n"
            + "  " + WRITE_FAILED + "  writing the backup into DIR failed%n"
            + "  " + RETENTION_FAILED + "  backup done and reported, but removing an old backup failed%n"
            + "  " + BAD_DIRECTORY + "  DIR is missing, not a directory, or not writable%n";

    private BackupExitCodes() {
    }
}
