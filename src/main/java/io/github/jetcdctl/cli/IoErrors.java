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
        if (e instanceof NoSuchFileException) {
            return "open " + path + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "open " + path + ": permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "open " + path + ": " + fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        // the JDK passes strerror's text through ("Is a directory"); Go's errno texts are the same, lower-cased
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "open " + path + ": " + (reason.isEmpty() ? reason
                : Character.toLowerCase(reason.charAt(0)) + reason.substring(1));
    }
}
