package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

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

    @Test
    void helpCommandPrintsTheSameUsageAsDashDashHelp() {
        for (List<String> path : List.of(List.of("member", "list"), List.of("context", "add"), List.of("get"),
                List.of("completion"), List.of("version"))) {
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(path);
            List<String> dashDash = new ArrayList<>(path);
            dashDash.add("--help");
            ProcessResult viaHelp = Jetcdctl.create().run(help, null);
            assertEquals(0, viaHelp.exitCode(), viaHelp.toString());
            // Jetcdctl.create() runs the 3.5 line: etcdctl's template, indented by a tab
            assertTrue(viaHelp.stdoutText().startsWith("NAME:\n\t" + String.join(" ", path) + " - "),
                    viaHelp.toString());
            assertEquals(Jetcdctl.create().run(dashDash, null), viaHelp, String.join(" ", path));
        }
    }
}
