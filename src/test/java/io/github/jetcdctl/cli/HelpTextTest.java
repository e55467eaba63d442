package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command, flag and argument explains itself in --help, help COMMAND and the man page. */
class HelpTextTest {
    @Test
    void everyCommandOptionAndArgumentHasADescription() {
        List<String> undescribed = new ArrayList<>();
        walk(CommandCatalog.fullTree().getCommandSpec(), undescribed);
        assertEquals(List.of(), undescribed);
    }

    private static void walk(CommandSpec spec, List<String> undescribed) {
        if (blank(spec.usageMessage().description())) {
            undescribed.add("command '" + spec.qualifiedName() + "'");
        }
        for (ArgSpec arg : spec.args()) {
            if (blank(arg.description())) {
                String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
                undescribed.add("'" + name + "' of '" + spec.qualifiedName() + "'");
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            walk(sub.getCommandSpec(), undescribed);
        }
    }

    private static boolean blank(String[] description) {
        return description.length == 0 || String.join("", description).isBlank();
    }

    /** On every line; 3.5 and 3.6 lay it out in etcdctl's template, indented by a tab and by two spaces. */
    @Test
    void helpCommandPrintsTheSameUsageAsDashDashHelp() {
        Map<String, String> templateIndent = Map.of("3.5", "\t", "3.6", "  ");
        for (String release : EtcdBinaries.LINE_RELEASES) {
            String line = EtcdBinaries.lineOf(release);
            Jetcdctl jetcdctl = Jetcdctl.create().forLine(line);
            for (List<String> path : List.of(List.of("member", "list"), List.of("context", "add"), List.of("get"),
                    List.of("completion"), List.of("version"))) {
                List<String> help = new ArrayList<>(List.of("help"));
                help.addAll(path);
                List<String> dashDash = new ArrayList<>(path);
                dashDash.add("--help");
                ProcessResult viaHelp = jetcdctl.run(help, null);
                String what = line + ": " + String.join(" ", path);
                assertEquals(0, viaHelp.exitCode(), what + "\n" + viaHelp);
                if (templateIndent.containsKey(line)) {
                    assertTrue(viaHelp.stdoutText().startsWith("NAME:\n" + templateIndent.get(line)
                            + String.join(" ", path) + " - "), what + "\n" + viaHelp);
                }
                assertEquals(jetcdctl.run(dashDash, null), viaHelp, what);
            }
        }
    }
}
