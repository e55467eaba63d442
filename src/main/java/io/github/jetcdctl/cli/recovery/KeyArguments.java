package io.github.jetcdctl.cli.recovery;

import java.util.List;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.client.KeyRanges;

/** A key, or a range as get takes it: KEY [RANGE_END], or KEY with --prefix. */
record KeyArguments(ByteString key, ByteString rangeEnd) {

    static KeyArguments parse(String command, List<String> typed, Function<String, byte[]> argBytes,
            boolean prefix) {
        List<byte[]> args = typed.stream().map(argBytes).toList();
        if (args.isEmpty() || args.size() > 2) {
            throw CliException.badArgs(command + " command needs one argument as key and an optional argument as "
                    + "range_end");
        }
        if (args.size() == 2 && prefix) {
            throw CliException.badArgs("too many arguments, only accept one argument when `--prefix` is set");
        }
        byte[] key = args.get(0);
        if (prefix) {
            byte[][] range = KeyRanges.expand(key, true);
            return new KeyArguments(ByteString.copyFrom(range[0]), ByteString.copyFrom(range[1]));
        }
        return new KeyArguments(ByteString.copyFrom(key),
                args.size() == 2 ? ByteString.copyFrom(args.get(1)) : ByteString.EMPTY);
    }
}
