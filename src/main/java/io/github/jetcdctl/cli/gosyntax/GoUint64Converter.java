package io.github.jetcdctl.cli.gosyntax;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** pflag's uint and uint64 flag values: Go's ParseUint with base 0 and its error text; kept in a long's bits. */
public class GoUint64Converter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return GoNumbers.parseUint(value, 0);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
