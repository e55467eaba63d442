package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.cli.cluster.MemberCommand;
import io.github.jetcdctl.cli.kv.GetCommand;
import io.github.jetcdctl.cli.kv.PutCommand;
import picocli.CommandLine;

class CommandCatalogTest {
    private static Class<?> named(String... args) {
        return CommandCatalog.namedCommand(new CommandLine(new RootCommand()), args);
    }

    @Test
    void findsTheCommandWordPastGlobalOptionsAndTheirValues() {
        assertEquals(GetCommand.class, named("--endpoints", "a:1", "-w", "json", "get", "k"));
        assertEquals(GetCommand.class, named("--endpoints=a:1", "--hex", "true", "get", "k"));
        assertEquals(MemberCommand.class, named("--debug", "member", "list"));
        assertEquals(PutCommand.class, named("-wjson", "put", "k", "v"));
    }

    @Test
    void acceptsAUniquePrefix() {
        assertEquals(VersionCommand.class, named("ver"));
        assertEquals(MemberCommand.class, named("mem", "l"));
    }

    @Test
    void buildsTheWholeTreeForHelpAmbiguityAndUnknownWords() {
        assertNull(named());
        assertNull(named("help", "get"));
        assertNull(named("m"));
        assertNull(named("gett"));
        assertNull(named("--", "get"));
    }
}
