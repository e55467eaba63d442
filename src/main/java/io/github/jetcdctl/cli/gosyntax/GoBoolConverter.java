package io.github.jetcdctl.cli.gosyntax;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Boolean flag values with Go's spellings ({@code t}, {@code 1}, {@code FALSE}, ...). */
public class GoBoolConverter implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
        try {
            return GoBooleans.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
