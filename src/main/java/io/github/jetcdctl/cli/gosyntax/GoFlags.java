package io.github.jetcdctl.cli.gosyntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small flag set parsed with pflag's rules (interspersed flags, {@code --name=value} or
 * {@code --name value}, booleans only as {@code --name} or {@code --name=value}, {@code --} ends the flags,
 * Go's ParseBool and base-0 ParseInt). Used for txn request lines, where any parse failure turns into the
 * one {@code invalid txn request} error, so only success or failure matters, not pflag's wording.
 */
public final class GoFlags {
    private final Map<String, Flag> flags = new LinkedHashMap<>();
    private boolean helpRequested;

    private record Flag(boolean isBool, Consumer<String> setter) {
    }

    public static final class FlagException extends Exception {
        FlagException(String message) {
            super(message);
        }
    }

    public GoFlags bool(String name, Consumer<Boolean> setter) {
        flags.put(name, new Flag(true, v -> setter.accept(parseBool(v))));
        return this;
    }

    public GoFlags int64(String name, Consumer<Long> setter) {
        flags.put(name, new Flag(false, v -> setter.accept(parseInt64(v))));
        return this;
    }

    public GoFlags string(String name, Consumer<String> setter) {
        flags.put(name, new Flag(false, setter));
        return this;
    }

    /** True when {@code -h} or {@code --help} was given (cobra adds that flag to every command). */
    public boolean helpRequested() {
        return helpRequested;
    }

    /** Applies the flags and returns the positional arguments. */
    public List<String> parse(List<String> args) throws FlagException {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.length() < 2 || s.charAt(0) != '-') {
                positional.add(s);
            } else if (s.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (s.startsWith("--")) {
                i = longFlag(s.substring(2), args, i);
            } else {
                shortFlags(s.substring(1));
            }
        }
        return positional;
    }

    private int longFlag(String spec, List<String> args, int i) throws FlagException {
        if (spec.isEmpty() || spec.charAt(0) == '-' || spec.charAt(0) == '=') {
            throw new FlagException("bad flag syntax: --" + spec);
        }
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String value = eq < 0 ? null : spec.substring(eq + 1);
        if (name.equals("help")) {
            helpRequested = value == null || parseBool(value);
            return i;
        }
        Flag flag = flags.get(name);
        if (flag == null) {
            throw new FlagException("unknown flag: --" + name);
        }
        if (value == null) {
            if (flag.isBool) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new FlagException("flag needs an argument: --" + name);
            }
        }
        set(flag, value);
        return i;
    }

    private void shortFlags(String shorthands) throws FlagException {
        // -h is the only shorthand these commands have; "-h=false" is pflag's way to give it a value
        if (shorthands.startsWith("h=")) {
            helpRequested = parseBool(shorthands.substring(2));
            return;
        }
        for (char c : shorthands.toCharArray()) {
            if (c != 'h') {
                throw new FlagException("unknown shorthand flag: '" + c + "'");
            }
            helpRequested = true;
        }
    }

    private static void set(Flag flag, String value) throws FlagException {
        try {
            flag.setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new FlagException(e.getMessage());
        }
    }

    private static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("strconv.ParseBool: invalid syntax");
        };
    }

    /** strconv.ParseInt(s, 0, 64): a 0x, 0o, 0b or 0 prefix picks the base, '_' may separate digits. */
    private static long parseInt64(String s) {
        String digits = s;
        String sign = "";
        if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
            sign = digits.charAt(0) == '-' ? "-" : "";
            digits = digits.substring(1);
        }
        int base = 10;
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x") || lower.startsWith("0b") || lower.startsWith("0o")) {
            base = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'b' ? 2 : 8;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            base = 8;
            digits = digits.substring(1);
        }
        if (digits.contains("_")) {
            boolean prefixed = base != 10;
            if (digits.endsWith("_") || digits.contains("__") || (digits.startsWith("_") && !prefixed)) {
                throw new NumberFormatException("strconv.ParseInt: parsing " + s + ": invalid syntax");
            }
            digits = digits.replace("_", "");
        }
        return GoNumbers.parseInt(sign + digits, base);
    }
}
