package io.github.jetcdctl.cli.cluster;

import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;

/** The one {@code <memberID>} argument of member remove/update/promote: unsigned 64-bit hex. */
final class MemberIdArgument {
    private MemberIdArgument() {
    }

    /** The ID's bits in a long; print it with unsigned conversions only. */
    static long parse(List<String> args) {
        if (args.size() != 1) {
            throw CliException.badArgs("member ID is not provided");
        }
        try {
            return GoNumbers.parseUint(args.get(0), 16);
        } catch (NumberFormatException e) {
            throw CliException.badArgs("bad member ID arg (" + e.getMessage() + "), expecting ID in Hex");
        }
    }
}
