package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * A mistyped command: cobra's error and its "Did you mean this?" list (within two edits, or a prefix, of the
 * line's own commands), as each line's etcdctl prints it. No server: this fails before any connection. Compared:
 * exit code and stderr up to the usage hint, with the program's name (etcdctl 3.5 then repeats the error, a
 * deliberate difference: jetcdctl says it once on every line).
 */
class UnknownCommandGoldenTest {
    private static final List<String> TYPOS = List.of("mmber", "gt", "hlp", "lese", "endpoints", "zzz", "Get",
            "dowgrade", "elct", "rle");

    static List<String> releases() {
        return EtcdBinaries.LINE_RELEASES;
    }

    static Stream<Arguments> cases() {
        return Stream.concat(
                EtcdBinaries.LINE_RELEASES.stream().flatMap(release -> TYPOS.stream().map(t -> Arguments.of(release, t))),
                // a prefix of 3.7's options is no command before it
                Stream.of(Arguments.of(EtcdBinaries.V3_5, "opt"), Arguments.of(EtcdBinaries.V3_6, "opt")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void suggestsWhatEtcdctlSuggests(String release, String typo) {
        ProcessResult expected = Etcdctl.of(EtcdBinaries.forTest(release)).run(List.of(typo, "x"));
        ProcessResult actual = Jetcdctl.create().forLine(EtcdBinaries.lineOf(release)).run(List.of(typo, "x"), null);
        assertTrue(expected.stderrText().startsWith("Error: unknown command"), expected.toString());
        assertEquals(expected.exitCode(), actual.exitCode(), actual.toString());
        assertEquals(firstReport(expected.stderrText()).replace("etcdctl", "jetcdctl"), actual.stderrText(),
                release + " " + typo);
        assertEquals("", actual.stdoutText());
    }

    /** jetcdctl's own commands are suggested too, after etcdctl's (here `compare` after compaction, completion). */
    @ParameterizedTest
    @MethodSource("releases")
    void ownCommandsFollowEtcdctls(String release) {
        ProcessResult expected = Etcdctl.of(EtcdBinaries.forTest(release)).run(List.of("comp", "x"));
        ProcessResult actual = Jetcdctl.create().forLine(EtcdBinaries.lineOf(release)).run(List.of("comp", "x"), null);
        assertEquals(firstReport(expected.stderrText()).replace("etcdctl", "jetcdctl")
                .replace("\tcompletion\n", "\tcompletion\n\tcompare\n"), actual.stderrText());
    }

    /** Up to and including the usage hint: etcdctl 3.5 prints the error again after it. */
    private static String firstReport(String stderr) {
        int hint = stderr.indexOf("Run '");
        return stderr.substring(0, stderr.indexOf('\n', hint) + 1);
    }
}
