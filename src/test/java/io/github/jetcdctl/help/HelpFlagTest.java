package io.github.jetcdctl.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoUint64Converter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A picocli option read as pflag's flag: its Go type, its default in Go's words, and both lines' forms. */
class HelpFlagTest {
    enum Compression { NONE, GZIP }

    @Command(name = "flags")
    static class Flags {
        @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
                description = "a prefix")
        boolean prefix;

        @Option(names = "--insecure", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
                description = "insecure (default true)")
        boolean insecure = true;

        @Option(names = "--ops", converter = GoUint64Converter.class, description = "at most")
        long ops = 128;

        @Option(names = "--wait", description = "how long")
        Duration wait = Duration.ofMillis(1500);

        @Option(names = {"-w", "--write-out"}, description = "the format")
        String writeOut = "simple";

        @Option(names = "--compress", description = "how")
        Compression compress = Compression.NONE;

        @Option(names = "--from", description = "a file")
        String from;

        @Option(names = "--endpoints", description = "where")
        List<String> endpoints = List.of("127.0.0.1:2379");
    }

    private static HelpFlag flag(String name) {
        var option = new CommandLine(new Flags()).getCommandSpec().findOption(name);
        return HelpFlag.of(option, String.join(" ", option.description()));
    }

    @Test
    void boolFlagsTakeAnOptionalValue() {
        assertEquals("      --prefix[=false]", flag("--prefix").etcdctlNames());
        assertEquals("      --prefix", flag("--prefix").pflagNames());
        assertEquals("a prefix", flag("--prefix").pflagUsage());
    }

    @Test
    void aDescriptionThatNamesTheShownDefaultEndsWithoutIt() {
        assertEquals("insecure", flag("--insecure").usage());
        assertEquals("      --insecure[=true]", flag("--insecure").etcdctlNames());
        assertEquals("insecure (default true)", flag("--insecure").pflagUsage());
    }

    @Test
    void numbersDurationsStringsAndListsInGosWords() {
        assertEquals("      --ops=128", flag("--ops").etcdctlNames());
        assertEquals("      --ops uint", flag("--ops").pflagNames());
        assertEquals("at most (default 128)", flag("--ops").pflagUsage());
        assertEquals("      --wait=1.5s", flag("--wait").etcdctlNames());
        assertEquals("      --wait duration", flag("--wait").pflagNames());
        assertEquals("  -w, --write-out=\"simple\"", flag("--write-out").etcdctlNames());
        assertEquals("the format (default \"simple\")", flag("--write-out").pflagUsage());
        assertEquals("      --compress=\"none\"", flag("--compress").etcdctlNames());
        assertEquals("      --from=\"\"", flag("--from").etcdctlNames());
        assertEquals("a file", flag("--from").pflagUsage());
        assertEquals("      --endpoints=[127.0.0.1:2379]", flag("--endpoints").etcdctlNames());
        assertEquals("      --endpoints strings", flag("--endpoints").pflagNames());
    }
}
