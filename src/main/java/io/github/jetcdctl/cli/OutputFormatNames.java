package io.github.jetcdctl.cli;

import java.util.Arrays;
import java.util.Iterator;

import io.github.jetcdctl.output.OutputFormat;

/** The -w values, for shell completion. */
final class OutputFormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(OutputFormat.values()).map(OutputFormat::flagValue).iterator();
    }
}
