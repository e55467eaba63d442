package io.github.jetcdctl.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line arguments as the bytes the shell passed. The JVM decodes argv with the locale's charset,
 * which loses bytes that are not valid text (keys like {@code $'k\xff'}); on Linux the original bytes are
 * still in /proc/self/cmdline, whose last entries are our arguments.
 */
public final class RawArguments {
    private final Map<String, byte[]> bytesByDecoded;
    private final RawArguments fallback;

    private RawArguments(Map<String, byte[]> bytesByDecoded) {
        this(bytesByDecoded, null);
    }

    private RawArguments(Map<String, byte[]> bytesByDecoded, RawArguments fallback) {
        this.bytesByDecoded = bytesByDecoded;
        this.fallback = fallback;
    }

    /** Arguments that were read as bytes (from a file, say), and are handed on as their UTF-8 decoding. */
    public static RawArguments of(List<byte[]> words) {
        Map<String, byte[]> map = new HashMap<>();
        for (byte[] word : words) {
            map.put(new String(word, StandardCharsets.UTF_8), word);
        }
        return new RawArguments(map);
    }

    /** These arguments' bytes, else the other's: for a command line made of words from two sources. */
    public RawArguments orElse(RawArguments other) {
        return other == this ? this : new RawArguments(bytesByDecoded, other);
    }

    public static RawArguments none() {
        return new RawArguments(Map.of());
    }

    public static RawArguments fromProcess(String[] args) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<byte[]> entries = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < cmdline.length; i++) {
                if (cmdline[i] == 0) {
                    entries.add(java.util.Arrays.copyOfRange(cmdline, start, i));
                    start = i + 1;
                }
            }
            if (entries.size() < args.length) {
                return none();
            }
            Charset platform = platformCharset();
            Map<String, byte[]> map = new HashMap<>();
            List<byte[]> ours = entries.subList(entries.size() - args.length, entries.size());
            for (int i = 0; i < args.length; i++) {
                // Only trust the match when the bytes decode to the very string the JVM gave us.
                if (new String(ours.get(i), platform).equals(args[i])) {
                    map.put(args[i], ours.get(i));
                }
            }
            return new RawArguments(map);
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    private static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The original bytes of an argument, or its UTF-8 encoding when they are not known. */
    public byte[] bytes(String argument) {
        byte[] raw = bytesByDecoded.get(argument);
        if (raw != null) {
            return raw.clone();
        }
        return fallback != null ? fallback.bytes(argument) : argument.getBytes(StandardCharsets.UTF_8);
    }
}
