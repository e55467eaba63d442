package io.github.jetcdctl.cli.gosyntax;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Decimal int64 flag values ({@code --rev}, {@code --limit}) with Go's error text. */
public class GoInt64Converter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return GoNumbers.parseInt(value, 10);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
