package io.github.jetcdctl.cli.recovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.k8s.KubernetesDecoder;
import io.github.jetcdctl.output.GoQuote;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.Manifest;
import io.github.jetcdctl.recovery.PutBack;
import io.github.jetcdctl.recovery.RecoveryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recover KEY [--prefix] [--rev N] [--from PATH]...}: brings back a key's value as it was, found as history
 * finds it. A Kubernetes object becomes a manifest for {@code kubectl apply} (a prefix: one multi-document file);
 * any other value can be put back, with {@code --put-back --confirm}, only while the key is as history last saw it.
 */
@Command(name = "recover", description = {"Brings back a key or a prefix as it was at a revision",
        "The revision defaults to the one before the key's delete. Kubernetes objects come back as manifests "
        + "for kubectl apply, other values are put back with --put-back --confirm (jetcdctl only)"})
public class RecoverCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<key> [range_end]", description = "the key, and an optional range end")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "every key with this prefix (a namespace's objects: one multi-document manifest)")
    boolean prefix;

    @Option(names = "--rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "bring back each key as it was at this revision (a key deleted by then is left out); "
                    + "default: each key's newest value, the one before its delete")
    long rev;

    @Mixin
    HistorySources sources;

    @Option(names = "--namespace", paramLabel = "<name>", description = "only the objects of this namespace "
            + "(with --prefix /registry/: a whole namespace, every kind, in one file)")
    String namespace;

    @Option(names = "--output", paramLabel = "<file>", description = "write the manifests to this file "
            + "(written whole, then renamed into place) instead of stdout")
    String output;

    @Option(names = "--put-back", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "put values that are not Kubernetes objects back into the cluster, as put does, "
                    + "refusing a key that changed since its newest known revision; needs --confirm")
    boolean putBack;

    @Option(names = "--confirm", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "confirm --put-back's writes")
    boolean confirm;

    @Override
    protected void run() throws InterruptedException {
        KeyArguments range = KeyArguments.parse("recover", args, session()::argBytes, prefix);
        if (putBack && !confirm) {
            throw CliException.badArgs("--put-back writes old values into the cluster; add --confirm to do it");
        }
        if (putBack && output != null) {
            throw CliException.badArgs("--put-back writes to the cluster, not to --output");
        }
        Printer printer = putBack ? session().printer() : null;
        KeyHistory history = sources.read(session(), range);
        List<HistoryEntry> chosen = history.chosen(rev);
        if (chosen.isEmpty()) {
            throw new CliException(ExitCodes.ERROR, "no value to bring back: " + (rev > 0
                    ? "no key of the range held one at revision " + rev : "no put of the range was found")
                    + " in " + String.join(", ", history.sourceNames()));
        }
        KubernetesDecoder decoder = new KubernetesDecoder();
        if (putBack) {
            putBack(decoder, history, chosen, printer);
        } else {
            writeManifests(decoder, chosen);
        }
    }

    private void writeManifests(KubernetesDecoder decoder, List<HistoryEntry> chosen) {
        StringBuilder documents = new StringBuilder();
        List<String> others = new ArrayList<>();
        for (HistoryEntry entry : chosen) {
            Manifest manifest = Manifest.of(decoder, entry.kv().getValue());
            if (namespace != null && (manifest == null || !manifest.namespace().equals(namespace))) {
                continue;
            }
            if (manifest == null) {
                others.add(keyText(entry));
            } else {
                documents.append(manifest.document(entry, keyText(entry)));
            }
        }
        if (documents.length() == 0 && others.isEmpty()) {
            throw new CliException(ExitCodes.ERROR, "no object of namespace " + namespace + " in the range");
        }
        if (documents.length() == 0) {
            throw new CliException(ExitCodes.ERROR, "not a Kubernetes object: " + String.join(", ", others)
                    + " (bring such values back with --put-back --confirm)");
        }
        for (String key : others) {
            session().err().println("skipped " + key + ": not a Kubernetes object (see --put-back)");
        }
        if (output == null) {
            session().out().print(documents.toString());
            return;
        }
        Path target = Path.of(output);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try {
                Files.writeString(temp, documents, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, IoErrors.describe(e), e);
        }
    }

    private void putBack(KubernetesDecoder decoder, KeyHistory history, List<HistoryEntry> chosen, Printer printer) {
        for (HistoryEntry entry : chosen) {
            if (Manifest.of(decoder, entry.kv().getValue()) != null) {
                throw new CliException(ExitCodes.ERROR, keyText(entry) + " holds a Kubernetes object: write it "
                        + "through the API server (recover without --put-back gives its manifest)");
            }
        }
        try (EtcdConnection connection = session().connect()) {
            for (HistoryEntry entry : chosen) {
                HistoryEntry newest = history.newest(entry.kv().getKey());
                try {
                    printer.put(PutBack.put(connection, entry, newest));
                } catch (RecoveryException e) {
                    throw new CliException(ExitCodes.ERROR, keyText(entry) + ": " + e.getMessage());
                }
            }
        }
    }

    private static String keyText(HistoryEntry entry) {
        return entry.kv().getKey().isValidUtf8() ? entry.kv().getKey().toStringUtf8()
                : GoQuote.quote(entry.kv().getKey().toByteArray());
    }
}
