package io.github.jetcdctl.cli.space;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.space.EncryptionAudit;
import io.github.jetcdctl.space.KeyGrouping;
import io.github.jetcdctl.space.LiveSpaceScan;
import io.github.jetcdctl.space.OfflineSpaceScan;
import io.github.jetcdctl.space.SpaceExitCodes;
import io.github.jetcdctl.space.SpaceReport;
import io.github.jetcdctl.space.SpaceTally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code space [PREFIX]} (jetcdctl only): where the space goes, per group of keys, against the db size, the
 * space in use and the quota. Live from the member at the first endpoint, or offline from a db file.
 */
@Command(name = "space", description = {"Shows where a member's space goes", "Per Kubernetes resource under "
        + "/registry/ (or per path segment, or per namespace), the keys, the bytes of keys and current values, how "
        + "values are encrypted at rest, the largest objects, and how it adds up against the db size, the space in "
        + "use, the free space and the quota, with any alarm. Live from the member at the first endpoint (the "
        + "range is read page by page at one revision), or offline from --snapshot FILE (also .db.gz, .db.zst) or "
        + "--data-dir DIR, where every kept revision (history since the last compaction, deleted keys included) "
        + "is counted too. Sorted by size: current keys and values live, kept history offline. -w json prints "
        + "JSON lines: one per group, one per largest object, one per audited resource, one summary.",
        "With --require-encrypted, an encryption-at-rest audit for CI and cron: exit " + SpaceExitCodes.AUDIT_FAILED
        + " when a named resource holds a plaintext value, or (with --allowed-keys) a value under another key."},
        footer = SpaceExitCodes.HELP)
public class SpaceCommand extends EtcdCommand {
    @Parameters(arity = "0..1", paramLabel = "PREFIX", description = "only keys with this prefix (default: all)")
    String prefix = "";

    @Option(names = "--snapshot", paramLabel = "<file>", description = "read a snapshot or backup file instead "
            + "of a running member (gzip and zstd backups are decoded to a temporary file)")
    String snapshot = "";

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "read a member's data dir "
            + "(DIR/member/snap/db) instead of a running member")
    String dataDir = "";

    @Option(names = "--depth", paramLabel = "<n>", description = "path segments after PREFIX that name a group, "
            + "for keys outside /registry/ or with --by-path (default 1)")
    int depth = 1;

    @Option(names = "--by-path", description = "group keys under /registry/ by path segments too, not by "
            + "Kubernetes resource")
    boolean byPath;

    @Option(names = "--namespaces", description = "group Kubernetes objects per resource and namespace")
    boolean namespaces;

    @Option(names = "--top", paramLabel = "<n>", description = "how many of the largest objects to list "
            + "(0 for none)")
    int top = 10;

    @Option(names = "--sort", paramLabel = "<size|keys|name>", description = "order of the groups (default size)")
    String sort = "size";

    @Option(names = "--quota-backend-bytes", paramLabel = "<bytes>", description = "the quota to compare "
            + "with when the server does not report it (etcd 3.6+) and its /metrics page cannot be read; "
            + "offline, the only source")
    long quotaFlag;

    @Option(names = "--require-encrypted", paramLabel = "<resource,...>", split = ",",
            description = "audit: these resources (group names, e.g. secrets or example.com/widgets) must hold "
                    + "no plaintext value")
    List<String> requireEncrypted = new ArrayList<>();

    @Option(names = "--allowed-keys", paramLabel = "<key,...>", split = ",", description = "audit: the only "
            + "keys the resources may be encrypted under, after a key rotation: a key name (key2 of "
            + "k8s:enc:aescbc:v1:key2; for KMS the provider name) or a longer tail (aescbc:v1:key2)")
    List<String> allowedKeys = new ArrayList<>();

    @Override
    protected void run() {
        if (depth < 1) {
            throw CliException.badArgs("--depth must be at least 1");
        }
        if (top < 0) {
            throw CliException.badArgs("--top must not be negative");
        }
        if (!snapshot.isEmpty() && !dataDir.isEmpty()) {
            throw CliException.badArgs("--snapshot and --data-dir do not go together");
        }
        if (!allowedKeys.isEmpty() && requireEncrypted.isEmpty()) {
            throw CliException.badArgs("--allowed-keys needs --require-encrypted: which resources to audit");
        }
        EncryptionAudit audit = new EncryptionAudit(requireEncrypted, allowedKeys);
        SpaceReport.Order order = order(sort);
        Printer printer = session().printer();
        if (!Set.of(OutputFormat.SIMPLE, OutputFormat.JSON, OutputFormat.TABLE).contains(printer.format())) {
            throw printer.format().unsupported();
        }
        byte[] prefixBytes = session().argBytes(prefix);
        SpaceTally tally = new SpaceTally(new KeyGrouping(prefixBytes, depth, namespaces, byPath), top);
        String offline = !snapshot.isEmpty() ? snapshot : dataDir;
        SpaceReport report = offline.isEmpty()
                ? LiveSpaceScan.run(session().connectionSettings(), prefixBytes, tally, order, quotaFlag)
                : offlineReport(Path.of(offline), prefixBytes, tally, order);
        if (audit.requested()) {
            report = report.audited(audit);
        }
        printer.spaceReport(report);
        if (report.auditFailed()) {
            List<String> failures = new ArrayList<>();
            report.audit().stream().filter(f -> !f.passed()).forEach(f -> failures.add(f.describe()));
            throw new CliException(SpaceExitCodes.AUDIT_FAILED, "encryption audit failed: "
                    + String.join("; ", failures));
        }
    }

    private SpaceReport offlineReport(Path path, byte[] prefixBytes, SpaceTally tally, SpaceReport.Order order) {
        try {
            return OfflineSpaceScan.run(path, prefixBytes, tally, order, quotaFlag);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.ERROR, "open " + OfflineSpaceScan.dbFile(path)
                    + ": no such file or directory", e);
        } catch (SnapshotFormatException e) {
            throw new CliException(ExitCodes.ERROR, OfflineSpaceScan.dbFile(path) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, IoErrors.goText(e, OfflineSpaceScan.dbFile(path)), e);
        }
    }

    static SpaceReport.Order order(String sort) {
        List<String> names = new ArrayList<>();
        for (SpaceReport.Order o : SpaceReport.Order.values()) {
            String name = o.name().toLowerCase(java.util.Locale.ROOT);
            if (name.equals(sort)) {
                return o;
            }
            names.add(name);
        }
        throw CliException.badArgs("--sort must be one of " + String.join(", ", names) + ", not \"" + sort + "\"");
    }
}
