package io.github.jetcdctl.cli.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.backup.BackupDirectory;
import io.github.jetcdctl.backup.BackupExitCodes;
import io.github.jetcdctl.backup.BackupListing;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backup list DIR}: the backups of one prefix, newest first, each verified as a restore would read it.
 * Exits {@link BackupExitCodes#VERIFY_FAILED} when any does not verify, so a monitoring check can just run it.
 */
@Command(name = "list", description = {"Lists and verifies the backups in a directory",
        "Newest first; each is verified "
        + "(a compressed one is decoded to a temporary file); JSON by default, -w table for humans"},
        footer = BackupExitCodes.HELP)
public class BackupListCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "DIR", description = "directory of the backups")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "<name>", description = "first word of backup file names "
            + "(default etcd)")
    String prefix = "etcd";

    @Override
    protected void run() {
        Path path = BackupCommand.directoryArgument(args);
        BackupDirectory dir = new BackupDirectory(path, BackupCommand.validPrefix(prefix));
        Printer printer = BackupCommand.backupPrinter(session());
        List<BackupListing> listings;
        try {
            listings = BackupListing.of(dir, Instant.now());
        } catch (IOException e) {
            throw new CliException(BackupExitCodes.BAD_DIRECTORY, "reading " + path + " failed: " + e.getMessage(),
                    e);
        }
        printer.backupList(listings);
        long bad = listings.stream().filter(b -> !b.verified()).count();
        if (bad > 0) {
            throw new CliException(BackupExitCodes.VERIFY_FAILED, bad + " of " + listings.size()
                    + " backups in " + path + " do not verify");
        }
    }
}
