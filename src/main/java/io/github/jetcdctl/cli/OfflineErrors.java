package io.github.jetcdctl.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;

/** The one error line of a command that reads files offline (get --from, history, recover, compare). */
public final class OfflineErrors {
    private OfflineErrors() {
    }

    /** {@code open PATH: no such file or directory} for a missing path as given, else the error's own words. */
    public static CliException of(IOException e, Path given) {
        if (e instanceof NoSuchFileException && e.getMessage() != null && given != null
                && e.getMessage().equals(given.toString())) {
            return new CliException(ExitCodes.ERROR, IoErrors.goText(e, given), e);
        }
        return new CliException(ExitCodes.ERROR, IoErrors.describe(e), e);
    }
}
