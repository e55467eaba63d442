package io.github.jetcdctl.cli.gosyntax;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Decimal uint64 flag values with Go's error text; the value is kept in a long's bits. */
public class GoUint64Converter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return GoNumbers.parseUint(value, 10);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
