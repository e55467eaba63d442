package io.github.jetcdctl.daemon;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.jetcdctl.cli.ClientProcess;
import io.github.jetcdctl.cli.RawArguments;

/**
 * A command line sent by the client. Payload: the daemon key, a 32-bit set of flags (bit 0, 1, 2: standard
 * input, output, error is a terminal), the working directory, the count of arguments then each, the count of
 * environment entries then each ({@code NAME=value}); every string is a 32-bit length and its bytes.
 */
record ClientRequest(String key, ClientProcess process, List<byte[]> args, Map<String, String> env) {
    static final int STDIN_TERMINAL = 1;
    static final int STDOUT_TERMINAL = 2;
    static final int STDERR_TERMINAL = 4;

    static ClientRequest decode(byte[] payload) throws IOException {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload);
            String key = text(bytes(in));
            int flags = in.getInt();
            Path cwd = Path.of(text(bytes(in)));
            if (!cwd.isAbsolute()) {
                throw new IOException("the working directory is not absolute: " + cwd);
            }
            ClientProcess process = new ClientProcess(cwd, (flags & STDIN_TERMINAL) != 0,
                    (flags & STDOUT_TERMINAL) != 0, (flags & STDERR_TERMINAL) != 0);
            List<byte[]> args = new ArrayList<>();
            for (int count = count(in); count > 0; count--) {
                args.add(bytes(in));
            }
            Map<String, String> env = new HashMap<>();
            for (int count = count(in); count > 0; count--) {
                String entry = text(bytes(in));
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    env.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return new ClientRequest(key, process, args, Map.copyOf(env));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("malformed request", e);
        }
    }

    /** The arguments as the JVM would decode them, with their bytes kept for keys that are not UTF-8. */
    String[] decodedArgs() {
        return args.stream().map(ClientRequest::text).toArray(String[]::new);
    }

    RawArguments rawArgs() {
        return RawArguments.of(args);
    }

    private static int count(ByteBuffer in) throws IOException {
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / 4) {
            throw new IOException("malformed request: count " + count);
        }
        return count;
    }

    private static byte[] bytes(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("malformed request: length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Never shows the environment, which may hold ETCDCTL_PASSWORD. */
    @Override
    public String toString() {
        return "ClientRequest[" + args.size() + " arguments, cwd=" + process.workingDirectory() + "]";
    }
}
