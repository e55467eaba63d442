package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The cli layer's dependency rule, read from the sources: a command family uses the shared classes at the top
 * of {@code cli}, {@code cli.gosyntax} and the domain packages, never another family; only the root command
 * names every family; {@code cli.gosyntax} depends on nothing in {@code cli}.
 */
class CliLayoutTest {
    private static final Path CLI = Path.of("src/main/java/io/github/jetcdctl/cli");
    private static final Pattern CLI_IMPORT = Pattern.compile(
            "^import (?:static )?io\\.github\\.jetcdctl\\.cli\\.(?:([a-z]+)\\.)?[A-Z]", Pattern.MULTILINE);

    @Test
    void noFamilyImportsAnotherFamily() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String family = familyOf(file);
            for (String imported : importedFamilies(file)) {
                boolean shared = imported.isEmpty() || imported.equals("gosyntax");
                boolean allowed = imported.equals(family)
                        || (shared && !family.equals("gosyntax"))
                        || (family.isEmpty() && file.getFileName().toString().equals("RootCommand.java"));
                if (!allowed) {
                    violations.add(CLI.relativize(file) + " imports cli." + (imported.isEmpty() ? "*" : imported));
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        try (Stream<Path> dirs = Files.walk(CLI.getParent())) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                assertTrue(Files.exists(dir.resolve("package-info.java")), dir + " has no package-info.java");
            }
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CLI)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** "" for the top of cli, else the subpackage's name. */
    private static String familyOf(Path file) {
        Path relative = CLI.relativize(file.getParent());
        return relative.toString();
    }

    private static List<String> importedFamilies(Path file) throws IOException {
        List<String> families = new ArrayList<>();
        Matcher m = CLI_IMPORT.matcher(Files.readString(file));
        while (m.find()) {
            families.add(m.group(1) == null ? "" : m.group(1));
        }
        return families;
    }
}
