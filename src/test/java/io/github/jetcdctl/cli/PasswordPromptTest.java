package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.output.Output;

class PasswordPromptTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final Output output = new Output(stdout);

    private PasswordPrompt promptReading(String stdin) {
        return new PasswordPrompt(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                output, null, false);
    }

    @Test
    void asksLineByLineAndLeavesTheNextLineUnread() throws IOException {
        PasswordPrompt prompt = promptReading(" first \nsecond\r\nthird");
        assertEquals("first", prompt.ask("A: "));
        assertEquals("second", prompt.ask("B: "));
        assertEquals("third", prompt.ask("C: "));
        assertEquals("", prompt.ask("D: "));
        output.flush();
        assertEquals("A: \nB: \nC: \nD: \n", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void firstWordSkipsBlanksButNotALineBreak() throws IOException {
        assertEquals("a", promptReading(" \ta b\n").firstWord());
        assertEquals("", promptReading("\nword\n").firstWord());
        assertEquals("\u00e9t\u00e9", promptReading("\u00e9t\u00e9").firstWord());
        assertEquals("", promptReading("").firstWord());
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void credentialsSplitAtTheFirstColonUnlessThePasswordFlagIsGiven() {
        PasswordPrompt noInput = promptReading("");
        assertEquals(new Credentials("a", "b:c"), Credentials.resolve("a:b:c", "", noInput));
        assertEquals(new Credentials("a:b", "p"), Credentials.resolve("a:b", "p", noInput));
        assertEquals(Credentials.NONE, Credentials.resolve("", "p", noInput));
        assertEquals(new Credentials("a", ""), Credentials.resolve("a:", "", noInput));
        assertEquals(new Credentials("a", "typed"), Credentials.resolve("a", "", promptReading("typed\n")));
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertEquals("Credentials[user=a]", new Credentials("a", "secret").toString());
    }
}
