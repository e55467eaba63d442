package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** --decode and --decode-output of get and watch: every bad combination fails before any connection is made. */
class DecodeOptionsTest {
    /** Nothing listens there: an error about the connection would mean the flags were not checked first. */
    private static final Jetcdctl UNREACHABLE = Jetcdctl.create().withGlobalArgs(List.of("--endpoints=127.0.0.1:1"));

    private static void assertBadArgs(String error, String... args) {
        ProcessResult result = UNREACHABLE.run(args);
        assertEquals(ExitCodes.BAD_ARGS, result.exitCode(), result.toString());
        assertEquals("", result.stdoutText());
        assertEquals("Error: " + error + "\n", result.stderrText());
    }

    @Test
    void onlyK8sDecodesAndOnlyAsYamlOrJson() {
        assertBadArgs("--decode decodes k8s only, not \"auger\"", "get", "k", "--decode=auger");
        assertBadArgs("--decode decodes k8s only, not \"K8S\"", "watch", "k", "--decode", "K8S");
        assertBadArgs("--decode-output is yaml or json, not \"xml\"", "get", "k", "--decode=k8s",
                "--decode-output=xml");
        assertBadArgs("--decode-output needs --decode=k8s", "get", "k", "--decode-output=json");
        assertBadArgs("--decode-output needs --decode=k8s", "watch", "k", "--decode-output=yaml");
    }

    @Test
    void decodeKeepsWriteOutForEtcdctlsFormats() {
        for (String format : List.of("json", "fields", "protobuf", "table")) {
            assertBadArgs("--decode prints its own documents; it does not combine with --write-out=" + format
                    + " (see --decode-output)", "get", "k", "--decode=k8s", "-w", format);
        }
        assertBadArgs("--decode prints its own documents; it does not combine with --write-out=json (see "
                + "--decode-output)", "watch", "k", "--decode=k8s", "--write-out=json");
        ProcessResult fromEnvironment = UNREACHABLE.withEnv("ETCDCTL_WRITE_OUT", "fields")
                .run("get", "k", "--decode=k8s");
        assertEquals(ExitCodes.BAD_ARGS, fromEnvironment.exitCode(), fromEnvironment.toString());
        assertBadArgs("--decode does not combine with --hex", "get", "k", "--decode=k8s", "--hex");
    }

    @Test
    void decodeNeedsValues() {
        for (String flag : List.of("--keys-only", "--count-only", "--print-value-only")) {
            assertBadArgs("--decode prints keys with their decoded values; it does not combine with --keys-only, "
                    + "--count-only or --print-value-only", "get", "k", "--prefix", "--decode=k8s", flag);
        }
    }

    @Test
    void helpNamesBothFlags() {
        for (String command : List.of("get", "watch")) {
            String help = Jetcdctl.create().run(command, "--help").stdoutText();
            assertTrue(help.contains("      --decode=\"\"\t"), help);
            assertTrue(help.contains("      --decode-output=\"yaml\"\t"), help);
        }
    }
}
