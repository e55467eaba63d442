package io.github.jetcdctl.cli.gosyntax;

/** Go's strconv.ParseBool, which etcdctl uses for boolean flags and their ETCDCTL_* variables. */
public final class GoBooleans {
    private GoBooleans() {
    }

    public static boolean parse(String s) {
        switch (s) {
            case "1": case "t": case "T": case "TRUE": case "true": case "True":
                return true;
            case "0": case "f": case "F": case "FALSE": case "false": case "False":
                return false;
            default:
                throw new IllegalArgumentException("strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
        }
    }
}
