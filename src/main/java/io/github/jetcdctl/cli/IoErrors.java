package io.github.jetcdctl.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** File errors in the words Go's os package uses ({@code open p: no such file or directory}). */
public final class IoErrors {
    private IoErrors() {
    }

    public static String goText(IOException e, Path path) {
        return "open " + path + ": " + reason(e);
    }

    /** {@code FILE: reason} when the exception names a file (a temporary file, a rename), else its message. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + reason(e);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        // the JDK passes strerror's text through ("Is a directory"); Go's errno texts are the same, lower-cased
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
