package io.github.jetcdctl.cli.batch;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.cli.RawArguments;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.ClientFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code batch [file]}: runs command lines, one per line, in this one process and over one connection per set of
 * connection settings, so that a script pays for the JVM's start and the TLS handshake once. Each line runs as
 * {@code jetcdctl <this command's global flags> <line>} would, with the same output and an empty standard input.
 */
@Command(name = "batch",
        description = "Runs command lines from a file or standard input, one per line, over one connection",
        footer = {"",
                "Each line is a command line without the program name (get foo, member list -w table), quoted as "
                        + "in a shell; double-quoted words take Go escapes (\\n, \\xff). Blank lines and lines "
                        + "starting with # are skipped.",
                "Global flags given to batch apply to every line; a line may add its own. Each command prints "
                        + "exactly what it prints alone and reads an empty standard input.",
                "A failing line is reported on stderr as 'batch: line N: exit status C'; batch stops there unless "
                        + "--keep-going is given, and exits with the first failure's status (0 when every line "
                        + "succeeded)."})
public class BatchCommand extends EtcdCommand {
    private static final byte[] NO_INPUT = new byte[0];

    /** Set while a batch runs in this process: a batch line may not start another batch. */
    private static boolean running;

    @Parameters(arity = "0..1", paramLabel = "<file>",
            description = "the file of command lines; standard input when absent or -")
    String file;

    @Option(names = "--keep-going", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            paramLabel = "<bool>",
            description = "run every line even after one fails; exit with the first failure's status")
    boolean keepGoing;

    @Override
    protected void run() throws IOException {
        if (running) {
            throw CliException.badArgs("batch cannot run inside a batch");
        }
        List<String> globalFlags = session().globalFlagArguments();
        int status;
        running = true;
        ClientFactory.shareConnections();
        try (InputStream lines = open()) {
            status = runLines(lines, globalFlags);
        } finally {
            ClientFactory.closeSharedConnections();
            running = false;
        }
        if (status != ExitCodes.SUCCESS) {
            throw new CliException(status, null); // each failure has been reported already
        }
    }

    private InputStream open() {
        if (file == null || file.equals("-")) {
            return session().in();
        }
        Path path = Path.of(file);
        try {
            return new BufferedInputStream(Files.newInputStream(path));
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, IoErrors.goText(e, path), e);
        }
    }

    private int runLines(InputStream lines, List<String> globalFlags) throws IOException {
        int firstFailure = ExitCodes.SUCCESS;
        int lineNumber = 0;
        for (byte[] line = readLine(lines); line != null; line = readLine(lines)) {
            lineNumber++;
            int status = runLine(line, globalFlags);
            if (status == ExitCodes.BROKEN_PIPE) {
                return status; // nobody reads what follows
            }
            if (status != ExitCodes.SUCCESS) {
                session().err().println("batch: line " + lineNumber + ": exit status " + status);
                if (firstFailure == ExitCodes.SUCCESS) {
                    firstFailure = status;
                }
                if (!keepGoing) {
                    break;
                }
            }
        }
        return firstFailure;
    }

    private int runLine(byte[] line, List<String> globalFlags) {
        List<byte[]> words;
        try {
            words = BatchLine.words(line);
        } catch (BatchLine.SyntaxException e) {
            session().err().println("Error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (words.isEmpty()) {
            return ExitCodes.SUCCESS;
        }
        List<String> args = new ArrayList<>(globalFlags);
        for (byte[] word : words) {
            args.add(new String(word, StandardCharsets.UTF_8));
        }
        return session().runNested(args, RawArguments.of(words), new ByteArrayInputStream(NO_INPUT));
    }

    /** The next line without its end ({@code \n}), or null at the end of the input. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
        return line.size() > 0 ? line.toByteArray() : null;
    }
}
