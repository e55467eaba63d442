package io.github.jetcdctl.cli.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoLineReader;
import io.github.jetcdctl.cli.gosyntax.GoRunes;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code txn [-i]}: comparisons, success requests and failure requests from standard input, each block
 * ended by an empty line.
 */
@Command(name = "txn", customSynopsis = "txn [options]",
        description = {"Txn processes all the requests in one transaction",
            "Reads three blocks from standard input, each ended by an empty line, and sends them to etcd as one",
            "atomic transaction: the comparisons; the requests to run when every comparison holds; the requests to",
            "run otherwise. With -i each block is asked for in turn.",
            "",
            "A comparison is TARGET(\"key\") OP \"VALUE\", with TARGET one of value (val), version (ver), create (c)",
            "or mod (m), OP one of = != < >, and VALUE in double quotes, numbers too (mod \"0\": no such key).",
            "A request is a get, put or del line in the words of those commands, flags included. For example:",
            "",
            "  $ printf '%s\\n' 'mod(\"/app/leader\") = \"0\"' '' 'put /app/leader me' '' 'get /app/leader' '' \\",
            "      | jetcdctl txn",
            "",
            "prints SUCCESS or FAILURE, then each request's result."})
public class TxnCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "none accepted")
    List<String> args = new ArrayList<>();

    @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class, description = "Input transaction in interactive mode")
    boolean interactive;

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("txn command does not accept argument");
        }
        try (EtcdConnection connection = session().connect()) {
            GoLineReader reader = new GoLineReader(session().in());
            TxnRequestParser requests = new TxnRequestParser(session().err(), session().in(), session().line());
            TxnRequest.Builder txn = TxnRequest.newBuilder();
            prompt("compares:");
            readBlock(reader, line -> TxnCompareParser.parse(line, session().line())).forEach(txn::addCompare);
            prompt("success requests (get, put, del):");
            readBlock(reader, requests::parse).forEach(txn::addSuccess);
            prompt("failure requests (get, put, del):");
            readBlock(reader, requests::parse).forEach(txn::addFailure);
            TxnRequest request = txn.build();
            TxnResponse response = EtcdConnection.call(
                    () -> connection.stubWithoutDeadline(KVGrpc::newBlockingStub).txn(request));
            session().printer().txn(response);
        }
    }

    /** etcdctl prints its prompts with -i whatever the output format. */
    private void prompt(String text) {
        if (interactive) {
            session().out().println(text);
            session().out().flush();
        }
    }

    /** Trimmed lines up to the next empty one; the end of input before it is an error. */
    private static <T> List<T> readBlock(GoLineReader reader, Function<byte[], T> parser) {
        List<T> items = new ArrayList<>();
        while (true) {
            byte[] line;
            try {
                line = GoRunes.trimSpace(reader.readLine());
            } catch (GoLineReader.EndOfInputException e) {
                throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
            }
            if (line.length == 0) {
                return items;
            }
            items.add(parser.apply(line));
        }
    }
}
