package io.github.jetcdctl.cli;

import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks a {@code --compat} value while the command line is parsed, so a bad one is a flag error (exit 1). */
public final class EtcdctlLineConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (EtcdctlLine.parse(value).isEmpty()) {
            throw new TypeConversionException(EtcdctlLine.unknownLineMessage(value));
        }
        return value;
    }
}
