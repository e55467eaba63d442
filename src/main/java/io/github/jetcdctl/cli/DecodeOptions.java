package io.github.jetcdctl.cli;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.k8s.DecodingPrinter;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import picocli.CommandLine.Option;

/**
 * get's and watch's --decode and --decode-output (jetcdctl only): Kubernetes objects under /registry/ printed as
 * YAML documents or JSON lines. The decoding classes load only when --decode is given.
 */
public final class DecodeOptions {
    static final String DECODE = "--decode";
    static final String DECODE_OUTPUT = "--decode-output";

    @Option(names = DECODE, paramLabel = "<k8s>", description = {
        "decode Kubernetes objects stored in etcd (jetcdctl only): protobuf and JSON objects as YAML documents "
                + "'--- # KEY' (watch: '--- # PUT KEY', '--- # DELETE KEY'), values encrypted at rest as a "
                + "comment naming their provider, other values as YAML strings; only with -w simple"})
    String decode = "";

    @Option(names = DECODE_OUTPUT, paramLabel = "<yaml|json>", description = {
        "what --decode prints: yaml, or json: one object per line, "
                + "{\"key\":KEY,\"object\":{...}} (watch: \"type\" first)"})
    String output = "yaml";

    public boolean enabled() {
        return !decode.isEmpty();
    }

    /**
     * The printer that decodes, after checking these flags against the output format and --hex; null without
     * --decode (then the command takes the session's printer, in etcdctl's order of checks).
     */
    public Printer decodingPrinter(Session session) {
        return decodingPrinter(session, false);
    }

    /** The same, for history: {@code diffs} shows each revision after a key's first as a diff from the one before. */
    public Printer decodingPrinter(Session session, boolean diffs) {
        if (!enabled()) {
            if (session.givenOnCommandLine(DECODE_OUTPUT)) {
                throw CliException.badArgs(DECODE_OUTPUT + " needs " + DECODE + "=k8s");
            }
            return null;
        }
        if (!decode.equals("k8s")) {
            throw CliException.badArgs(DECODE + " decodes k8s only, not \"" + decode + "\"");
        }
        OutputFormat format = session.outputFormat();
        if (format != OutputFormat.SIMPLE) {
            throw CliException.badArgs(DECODE + " prints its own documents; it does not combine with --write-out="
                    + format.flagValue() + " (see " + DECODE_OUTPUT + ")");
        }
        if (session.options().hex()) {
            throw CliException.badArgs(DECODE + " does not combine with --hex");
        }
        return DecodingPrinter.create(output, session.out(), diffs);
    }
}
