package io.github.jetcdctl.cli.gosyntax;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * pflag's int and int64 flag values ({@code --rev}, {@code --limit}, {@code --max-request-bytes}): Go's ParseInt
 * with base 0 (so {@code 0x10} and {@code 0o20} too) and its error text.
 */
public class GoInt64Converter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return GoNumbers.parseInt(value, 0);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
