package io.github.jetcdctl.output;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.jetcdctl.client.api.HashKVResponse;
import io.github.jetcdctl.client.api.StatusResponse;

/**
 * The etcdctl (and etcdutl) release line whose output jetcdctl reproduces: every choice that differs between
 * lines is one method here, so printers and commands ask the line instead of comparing version numbers.
 * Each line follows its pinned patch release, the one the golden tests run ({@link #pinnedRelease()}).
 */
public enum EtcdctlLine {
    V3_5("3.5", "3.5.16"),
    V3_6("3.6", "3.6.17"),
    V3_7("3.7", "3.7.4");

    /** What Kubernetes 1.34 to 1.36 ship. */
    public static final EtcdctlLine DEFAULT = V3_6;

    private final String name;
    private final String pinnedRelease;

    EtcdctlLine(String name, String pinnedRelease) {
        this.name = name;
        this.pinnedRelease = pinnedRelease;
    }

    /** {@code 3.5}, {@code 3.6} or {@code 3.7}; a release of a line ({@code 3.6.17}, {@code v3.6.0}) names it too. */
    public static Optional<EtcdctlLine> parse(String text) {
        String t = text.strip();
        if (t.startsWith("v")) {
            t = t.substring(1);
        }
        for (EtcdctlLine line : values()) {
            if (t.equals(line.name) || t.startsWith(line.name + ".")) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** The error for a value that names no line. */
    public static String unknownLineMessage(String value) {
        return "unknown etcdctl line \"" + value + "\" (use " + String.join(", ",
                Arrays.stream(values()).map(EtcdctlLine::toString).toList()) + ")";
    }

    public String pinnedRelease() {
        return pinnedRelease;
    }

    public boolean atLeast(EtcdctlLine other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ the choices that differ by line

    /** Commands and flags that a line added: before it, they are etcdctl's unknown command or flag. */
    public enum Addition {
        DOWNGRADE(V3_6),
        MEMBER_LIST_CONSISTENCY(V3_6),
        /** The global {@code --max-request-bytes} and {@code --max-recv-bytes}. */
        MESSAGE_SIZE_LIMITS(V3_6),
        /** {@code make-mirror --rev} and {@code --max-txn-ops}. */
        MAKE_MIRROR_REV_AND_TXN_OPS(V3_6),
        /**
         * get's {@code --min-mod-rev}, {@code --max-mod-rev}, {@code --min-create-rev} and {@code --max-create-rev}:
         * in a txn get line from 3.6 (jetcdctl's own get command takes them on every line).
         */
        GET_REVISION_BOUNDS(V3_6),
        GET_STREAM(V3_7),
        /** The global {@code --auth-jwt-token}. */
        AUTH_JWT_TOKEN(V3_7),
        /** etcdutl's {@code --timeout} for the db's file lock. */
        ETCDUTL_LOCK_TIMEOUT(V3_7),
        /** 3.7 hides the global flags from each command's help and lists them in {@code options}. */
        OPTIONS_COMMAND(V3_7);

        private final EtcdctlLine since;

        Addition(EtcdctlLine since) {
            this.since = since;
        }
    }

    public boolean has(Addition addition) {
        return atLeast(addition.since);
    }

    /** 3.6 dropped the v2 tool: {@code ETCDCTL_API} is then an unknown variable like any other. */
    public boolean readsApiVariable() {
        return this == V3_5;
    }

    /** Where etcdctl's flag code logs an unknown ETCDCTL_* variable ({@code caller} of its zap line). */
    public String unknownVariableCaller() {
        return this == V3_5 ? "flags/flag.go:93" : "flags/flag.go:94";
    }

    /** Where etcdctl's flag code logs a variable that a flag shadows. */
    public String shadowedVariableCaller() {
        return this == V3_5 ? "flags/flag.go:85" : "flags/flag.go:86";
    }

    /**
     * What {@code del KEY END} without {@code --range} prints on stderr: a notice in 3.5, a warning in 3.6 and
     * later, which then wait {@link #rangeDeleteDelay()} so that the user can interrupt.
     */
    public String rangeDeleteWarning(byte[] key, byte[] rangeEnd) {
        if (this == V3_5) {
            return "In etcd v3.6, the operation will be suspended for a few seconds to provide the user time to "
                    + "verify range.";
        }
        return "Warning: Keys between " + GoQuote.quote(key) + " and " + GoQuote.quote(rangeEnd) + " will be deleted. "
                + "Please interrupt the command within next 2 seconds to cancel. You can provide `--range` flag to "
                + "avoid the delay.";
    }

    public java.time.Duration rangeDeleteDelay() {
        return this == V3_5 ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(2);
    }

    public String snapshotSaveArgumentsError() {
        return this == V3_5 ? "snapshot save expects one argument" : "snapshot save expects one argument <filename>";
    }

    /** 3.6's snapshot save adds a {@code Server version} line when the server names its version. */
    public boolean snapshotSaveNamesServerVersion() {
        return atLeast(V3_6);
    }

    /** 3.6's member add says {@code added as learner} for a learner. */
    public String memberAddedText(boolean learner) {
        return learner && atLeast(V3_6) ? " added as learner to cluster " : " added to cluster ";
    }

    /** 3.7's {@code -w json --hex} covers member add, remove, update and promote as well as member list. */
    public boolean hexJsonCoversMemberResponses() {
        return this == V3_7;
    }

    /** 3.5 spelled the client URLs key of {@code member list -w json --hex} {@code clientURLS}. */
    public String memberListHexClientUrlsKey() {
        return this == V3_5 ? "clientURLS" : "clientURLs";
    }

    /** etcdutl 3.6's snapshot status counts live user keys where 3.5 counted every entry of every bucket. */
    public boolean snapshotStatusCountsLiveKeys() {
        return atLeast(V3_6);
    }

    public long snapshotStatusTotalKeys(io.github.jetcdctl.snapshot.SnapshotStatus status) {
        return snapshotStatusCountsLiveKeys() ? status.liveKeys() : status.totalKey();
    }

    /** etcdutl 3.6's snapshot status looks for the file before it checks {@code -w}; 3.5's checks {@code -w} first. */
    public boolean snapshotStatusLooksForTheFileFirst() {
        return atLeast(V3_6);
    }

    /** What etcdutl's snapshot status says of a file too small for two pages: bbolt 1.4 (3.6 on) adds its size. */
    public String snapshotStatusFileTooSmall(long fileSize) {
        return atLeast(V3_6) ? "file size too small " + fileSize : "file size too small";
    }

    /**
     * What etcdutl's snapshot status says of a directory: bbolt 1.3 (3.5) fails to open it, bbolt 1.4 (3.6 on)
     * opens it and finds no meta page.
     */
    public String snapshotStatusOfDirectory(String path) {
        return atLeast(V3_6) ? "invalid database" : "open " + path + ": is a directory";
    }

    /** Where etcdutl's {@code snapshot restore} logs each of its lines, in this line's release. */
    public record RestoreLogCallers(String resolvedUrl, String restoring, String trimming, String bumping,
            String markingCompacted, String addedMember, String restored) {
    }

    public RestoreLogCallers restoreLogCallers() {
        return switch (this) {
            case V3_5 -> new RestoreLogCallers("netutil/netutil.go:112", "snapshot/v3_snapshot.go:265",
                    "membership/store.go:141", "snapshot/v3_snapshot.go:356", "snapshot/v3_snapshot.go:373",
                    "membership/cluster.go:421", "snapshot/v3_snapshot.go:293");
            case V3_6 -> new RestoreLogCallers("netutil/netutil.go:113", "snapshot/v3_snapshot.go:305",
                    "schema/membership.go:138", "snapshot/v3_snapshot.go:396", "snapshot/v3_snapshot.go:413",
                    "membership/cluster.go:424", "snapshot/v3_snapshot.go:333");
            case V3_7 -> new RestoreLogCallers("netutil/netutil.go:112", "snapshot/v3_snapshot.go:306",
                    "schema/membership.go:125", "snapshot/v3_snapshot.go:397", "snapshot/v3_snapshot.go:414",
                    "membership/cluster.go:408", "snapshot/v3_snapshot.go:334");
        };
    }

    /** etcd 3.6's "added member" log line (snapshot restore's too) adds {@code added-peer-is-learner}. */
    public boolean addedMemberLogNamesLearner() {
        return atLeast(V3_6);
    }

    /** etcdutl 3.6's snapshot status adds the db's storage version. */
    public boolean snapshotStatusShowsVersion() {
        return atLeast(V3_6);
    }

    /**
     * The callers of etcdutl's two {@code defrag --data-dir} log lines (defragmenting, finished defragmenting
     * directory), where etcd's backend code logs them in this line's release.
     */
    public List<String> offlineDefragLogCallers() {
        return switch (this) {
            case V3_5 -> List.of("backend/backend.go:509", "backend/backend.go:561");
            case V3_6 -> List.of("backend/backend.go:522", "backend/backend.go:592");
            case V3_7 -> List.of("backend/backend.go:532", "backend/backend.go:602");
        };
    }

    /**
     * etcdutl 3.6's {@code defrag --data-dir} looks for the db before opening it, and fails on a missing one with
     * {@code stat …: no such file or directory} (exit 1) where 3.5's panics on opening it (exit 2).
     */
    public boolean offlineDefragChecksTheDbExists() {
        return atLeast(V3_6);
    }

    /**
     * {@code role get} adds {@code (prefix KEY)} to a prefix range; 3.5 also to the empty key's, all keys (so to
     * root's {@code [, <open ended>}), which 3.6 leaves bare.
     */
    public boolean roleGetNamesEmptyPrefix() {
        return this == V3_5;
    }

    /**
     * With {@code --discovery-srv} and {@code --insecure-discovery=false} etcdctl turns TLS on and names the domain
     * as gRPC's TLS server name, which 3.5's gRPC checks every certificate against; the gRPC of 3.6 and later puts
     * each endpoint's own host in its place, so there the domain need not be in the certificate.
     */
    public boolean discoveryDomainIsTlsServerName() {
        return this == V3_5;
    }

    /**
     * 3.6's {@code endpoint health} builds its client settings first, as the other commands do: the
     * {@code --discovery-srv} lookup (and its error), the TLS flags and credentials come before {@code -w} is
     * checked; 3.5's checked {@code -w} first and looked the domain up only for {@code --cluster}.
     */
    public boolean endpointHealthLooksUpTheDomain() {
        return atLeast(V3_6);
    }

    /**
     * 3.5's txn cuts a {@code 'single-quoted'} argument at the number of arguments on its line instead of at its own
     * length (fixed in 3.6).
     */
    public boolean txnCutsQuotedArgumentsAtArgumentCount() {
        return this == V3_5;
    }

    /**
     * A txn comparison {@code lease("key") = "hex"}: 3.6 compares the key's lease with that ID; 3.5 and 3.7 crash
     * on every lease comparison (3.7 hands the text to the client unparsed).
     */
    public boolean txnComparesLeases() {
        return this == V3_6;
    }

    /**
     * {@code watch -w json} prints the client's WatchResponse; 3.7's keeps the server's events as sent (none is
     * {@code "Events":null}, not {@code []}) and exports the cancel reason ({@code "CancelReason":""}).
     */
    public boolean watchJsonKeepsTheServersResponse() {
        return this == V3_7;
    }

    /** 3.6's defrag says how long each member took. */
    public boolean defragReportsDuration() {
        return atLeast(V3_6);
    }

    /** etcdctl 3.6's check commands draw cheggaaa/pb v3's bar on stderr; 3.5's drew pb v1's on stdout. */
    public boolean checkBarIsPbV3OnStderr() {
        return atLeast(V3_6);
    }

    /** 3.7 draws tables with tablewriter v1: box-drawing borders and no wrapping of long cells. */
    public AsciiTable.Style tableStyle() {
        return this == V3_7 ? AsciiTable.Style.UNICODE : AsciiTable.Style.ASCII;
    }

    /**
     * 3.6 added storage version, in use, percentage not in use, quota and the downgrade columns to
     * {@code endpoint status} (simple and table), whatever the server's line.
     */
    public boolean statusHasStorageColumns() {
        return atLeast(V3_6);
    }

    /** 3.6 added the hash revision to {@code endpoint hashkv}. */
    public boolean hashKvHasRevision() {
        return atLeast(V3_6);
    }

    /** 3.6's fields printer writes cluster and member IDs in hex under {@code --hex}, and leaves out a zero Revision. */
    public boolean fieldsHeaderFollowsHex() {
        return atLeast(V3_6);
    }

    /**
     * The status response as this line's etcdctl decodes it: 3.5's generated types know no 3.6 fields, and drop
     * what a newer server sends in them, so its json and protobuf printers never show them.
     */
    public StatusResponse visible(StatusResponse status) {
        if (atLeast(V3_6)) {
            return status;
        }
        return status.toBuilder().clearStorageVersion().clearDbSizeQuota().clearDowngradeInfo().build();
    }

    /** As {@link #visible(StatusResponse)}, for the hash revision that 3.6 added. */
    public HashKVResponse visible(HashKVResponse hash) {
        return atLeast(V3_6) ? hash : hash.toBuilder().clearHashRevision().build();
    }
}
