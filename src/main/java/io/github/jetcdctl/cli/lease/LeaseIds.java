package io.github.jetcdctl.cli.lease;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;

/** Lease IDs on the command line: hexadecimal int64, as etcdctl parses them. */
final class LeaseIds {
    private LeaseIds() {
    }

    static long parse(String arg) {
        try {
            return GoNumbers.parseInt(arg, 16);
        } catch (NumberFormatException e) {
            throw CliException.badArgs("bad lease ID arg (" + e.getMessage() + "), expecting ID in Hex");
        }
    }
}
