package io.github.jetcdctl.defrag;

/**
 * Exit codes of {@code defrag --rolling} and {@code alarm recover}, beyond etcdctl's own (1 for errors, 128 for
 * bad arguments); they start at 30 to stay clear of etcdctl's and of backup's and space's.
 */
public final class DefragExitCodes {
    public static final int SUCCESS = 0;
    /** A member is unreachable or unhealthy before the run: nothing was touched. */
    public static final int HEALTH_GATE = 30;
    /** A step failed (compaction, leader move, defragmentation, or the health check after a member): stopped there. */
    public static final int STOPPED = 31;
    /** With --keep-going: every step was tried and at least one failed. */
    public static final int FAILED_STEPS = 32;
    /** alarm recover: the live data alone does not fit under the quota or threshold; nothing would help. */
    public static final int CANNOT_RECOVER = 33;

    /** For --help (a picocli footer, hence {@code %n}). */
    public static final String ROLLING_HELP = "%nExit codes of --rolling:%n"
            + "  0   every qualifying member defragmented and healthy (--dry-run: the plan, gate passed)%n"
            + "  1   the run could not start (no member list, bad connection)%n"
            + "  " + HEALTH_GATE + "  a member was unhealthy before the run; nothing was touched%n"
            + "  " + STOPPED + "  a step failed; the run stopped there (see the report)%n"
            + "  " + FAILED_STEPS + "  --keep-going: the run finished with failed steps%n"
            + "  128 bad arguments%n";

    private DefragExitCodes() {
    }
}
