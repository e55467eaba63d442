package io.github.jetcdctl.help;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import io.github.jetcdctl.cli.gosyntax.GoUint64Converter;
import io.github.jetcdctl.output.GoDuration;
import io.github.jetcdctl.output.GoQuote;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One flag as pflag knows it: its names, its Go type, its default and the value it takes when given alone
 * ({@code --prefix}). Read from a picocli option, so that every flag's help comes from its one annotation.
 */
record HelpFlag(String name, String shorthand, String type, String defaultValue, String noOptionDefault,
        String usage) {

    static HelpFlag of(OptionSpec option, String usage) {
        String name = "";
        String shorthand = "";
        for (String n : option.names()) {
            if (n.startsWith("--")) {
                name = n.length() - 2 > name.length() ? n.substring(2) : name;
            } else if (n.length() == 2) {
                shorthand = n.substring(1);
            }
        }
        String type = unsigned(option) ? "uint" : goType(option.type());
        String noOptionDefault = option.arity().min() == 0
                ? (option.fallbackValue() == null || option.fallbackValue().isEmpty() ? "true" : option.fallbackValue())
                : "";
        String defaultValue = defaultText(option, type);
        return new HelpFlag(name, shorthand, type, defaultValue, noOptionDefault, withoutDefault(usage, defaultValue));
    }

    /** A description that names the default the help shows anyway ends without it. */
    private static String withoutDefault(String usage, String defaultValue) {
        String named = " (default " + defaultValue + ")";
        return usage.endsWith(named) ? usage.substring(0, usage.length() - named.length()) : usage;
    }

    /** A flag read as Go reads an unsigned number is one of pflag's uint flags. */
    private static boolean unsigned(OptionSpec option) {
        return option.converters() != null && Arrays.stream(option.converters())
                .anyMatch(converter -> converter instanceof GoUint64Converter);
    }

    private static String goType(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "bool";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "int";
        }
        if (type == Duration.class) {
            return "duration";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "float";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "strings";
        }
        return "string";
    }

    /** pflag's DefValue: what the flag holds before parsing, in Go's words. */
    private static String defaultText(OptionSpec option, String type) {
        Object value = option.defaultValue() != null ? option.defaultValue() : option.initialValue();
        if (value == null) {
            return switch (type) {
                case "bool" -> "false";
                case "int", "uint" -> "0";
                case "duration" -> "0s";
                case "strings" -> "[]";
                default -> "";
            };
        }
        if (value instanceof Duration duration) {
            return GoDuration.format(duration.toNanos());
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }

    boolean isZeroDefault() {
        return switch (type) {
            case "bool" -> defaultValue.equals("false") || defaultValue.isEmpty();
            case "duration" -> defaultValue.equals("0") || defaultValue.equals("0s");
            case "int", "uint", "float" -> defaultValue.equals("0");
            case "strings" -> defaultValue.equals("[]");
            default -> defaultValue.isEmpty();
        };
    }

    /** etcdctl 3.5/3.6's form: {@code -w, --write-out="simple"}, {@code --prefix[=false]}. */
    String etcdctlNames() {
        StringBuilder line = new StringBuilder(shorthand.isEmpty() ? "      --" : "  -" + shorthand + ", --")
                .append(name);
        String value = type.equals("string") ? GoQuote.quote(defaultValue) : defaultValue;
        return line.append(noOptionDefault.isEmpty() ? "=" + value : "[=" + value + "]").toString();
    }

    /** pflag's FlagUsages form, without the padding: {@code -w, --write-out string}, {@code --prefix}. */
    String pflagNames() {
        StringBuilder line = new StringBuilder(shorthand.isEmpty() ? "      --" : "  -" + shorthand + ", --")
                .append(name);
        String varname = type.equals("bool") ? "" : type;
        if (!varname.isEmpty()) {
            line.append(' ').append(varname);
        }
        if (!noOptionDefault.isEmpty()) {
            switch (type) {
                case "string" -> line.append("[=\"").append(noOptionDefault).append("\"]");
                case "bool" -> {
                    if (!noOptionDefault.equals("true")) {
                        line.append("[=").append(noOptionDefault).append(']');
                    }
                }
                default -> line.append("[=").append(noOptionDefault).append(']');
            }
        }
        return line.toString();
    }

    /** pflag's usage with the default it appends when the default is not the type's zero value. */
    String pflagUsage() {
        if (isZeroDefault()) {
            return usage;
        }
        return usage + " (default " + (type.equals("string") ? GoQuote.quote(defaultValue) : defaultValue) + ")";
    }
}
