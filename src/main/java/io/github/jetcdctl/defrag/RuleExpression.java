package io.github.jetcdctl.defrag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The rule of {@code defrag --rolling --rule}: a small boolean expression over a member's db figures, such as
 * {@code dbQuotaUsage > 0.8 || dbSizeFree > 200MiB}. Grammar, loosest first (as in Go and C):
 *
 * <pre>
 * or      := and ('||' and)*
 * and     := compare ('&amp;&amp;' compare)*
 * compare := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') sum)?
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('!' | '-') unary | primary
 * primary := NUMBER [UNIT] | VARIABLE | 'true' | 'false' | '(' or ')'
 * </pre>
 *
 * Units follow a number, with or without a space: B, KB/MB/GB/TB (powers of 1000), KiB/MiB/GiB/TiB (of 1024),
 * case-insensitive, and {@code %} (a hundredth). Types are checked while parsing: comparisons and arithmetic take
 * numbers, {@code ! && ||} take truth values, and the whole must be one. A member whose quota is unknown has
 * NaN for {@code dbQuota} and {@code dbQuotaUsage}, so every comparison with them is false (but {@code !=}).
 */
public final class RuleExpression {
    /** The figures a rule can name, each read from a member's db. */
    public enum Variable {
        DB_SIZE("dbSize", v -> v.dbSize(), true),
        DB_SIZE_IN_USE("dbSizeInUse", v -> v.dbSizeInUse(), true),
        DB_SIZE_FREE("dbSizeFree", v -> v.dbSizeFree(), true),
        DB_SIZE_FREE_RATIO("dbSizeFreeRatio", v -> v.dbSizeFreeRatio(), false),
        DB_QUOTA("dbQuota", v -> v.dbQuota(), true),
        DB_QUOTA_USAGE("dbQuotaUsage", v -> v.dbQuotaUsage(), false);

        private final String ruleName;
        private final ToDoubleFunction<RuleValues> read;
        private final boolean bytes;

        Variable(String ruleName, ToDoubleFunction<RuleValues> read, boolean bytes) {
            this.ruleName = ruleName;
            this.read = read;
            this.bytes = bytes;
        }

        public String ruleName() {
            return ruleName;
        }

        public double read(RuleValues values) {
            return read.applyAsDouble(values);
        }

        /** A size in bytes (else a ratio between 0 and 1). */
        public boolean bytes() {
            return bytes;
        }
    }

    /** A bad expression: the message names the column (1-based) where it went wrong. */
    public static final class SyntaxError extends IllegalArgumentException {
        private final int column;

        SyntaxError(int column, String problem) {
            super("column " + column + ": " + problem);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    private static final Map<String, BigDecimal> UNITS = Map.ofEntries(
            Map.entry("b", BigDecimal.ONE), Map.entry("kb", BigDecimal.TEN.pow(3)),
            Map.entry("mb", BigDecimal.TEN.pow(6)), Map.entry("gb", BigDecimal.TEN.pow(9)),
            Map.entry("tb", BigDecimal.TEN.pow(12)), Map.entry("kib", BigDecimal.valueOf(1L << 10)),
            Map.entry("mib", BigDecimal.valueOf(1L << 20)), Map.entry("gib", BigDecimal.valueOf(1L << 30)),
            Map.entry("tib", BigDecimal.valueOf(1L << 40)), Map.entry("%", new BigDecimal("0.01")));

    private final String source;
    private final Node root;

    private RuleExpression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** Parses {@code source}; a {@link SyntaxError} says where and why it is not a rule. */
    public static RuleExpression parse(String source) {
        Parser parser = new Parser(source);
        Node root = parser.or();
        if (parser.peek().kind != Kind.END) {
            throw parser.error(parser.peek(), "expected an operator or the end");
        }
        parser.requireTruth(root, 1, "the rule");
        return new RuleExpression(source, root);
    }

    public String source() {
        return source;
    }

    public boolean test(RuleValues values) {
        return root.truth(values);
    }

    /**
     * The comparisons that decided a false verdict, each as written, with its outcome and the figures it named:
     * {@code dbSizeFree > 200MiB is false (dbSizeFree 1.2 MB)}. Empty for a true verdict.
     */
    public List<String> whyFalse(RuleValues values) {
        List<String> why = new ArrayList<>();
        if (!root.truth(values)) {
            root.explain(values, false, why);
        }
        return why;
    }

    @Override
    public String toString() {
        return source;
    }

    // ---- the tree ----

    /** A node is a number or a truth value (fixed while parsing); it reads the variables of its children. */
    private abstract static class Node {
        private final boolean truthValued;
        private final List<Node> children;

        Node(boolean truthValued, Node... children) {
            this.truthValued = truthValued;
            this.children = List.of(children);
        }

        boolean isTruth() {
            return truthValued;
        }

        double number(RuleValues v) {
            throw new IllegalStateException("not a number");
        }

        boolean truth(RuleValues v) {
            throw new IllegalStateException("not a truth value");
        }

        /** Adds the comparisons under this node that made it come out as {@code outcome}. */
        void explain(RuleValues v, boolean outcome, List<String> why) {
        }

        /** The variables this node reads (for the explanation's figures), each once. */
        void variables(List<Variable> into) {
            children.forEach(c -> c.variables(into));
        }
    }

    private static final class Constant extends Node {
        private final double value;

        Constant(double value) {
            super(false);
            this.value = value;
        }

        @Override
        double number(RuleValues v) {
            return value;
        }
    }

    private static final class Read extends Node {
        private final Variable variable;

        Read(Variable variable) {
            super(false);
            this.variable = variable;
        }

        @Override
        double number(RuleValues v) {
            return variable.read(v);
        }

        @Override
        void variables(List<Variable> into) {
            if (!into.contains(variable)) {
                into.add(variable);
            }
        }
    }

    /** {@code + - * /} and a leading minus (as {@code 0 - x}). */
    private static final class Arithmetic extends Node {
        private final String op;
        private final Node left;
        private final Node right;

        Arithmetic(String op, Node left, Node right) {
            super(false, left, right);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        double number(RuleValues v) {
            double l = left.number(v);
            double r = right.number(v);
            return switch (op) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "*" -> l * r;
                default -> l / r;
            };
        }
    }

    private static final class Comparison extends Node {
        private final String op;
        private final Node left;
        private final Node right;
        private final String text;

        Comparison(String op, Node left, Node right, String text) {
            super(true, left, right);
            this.op = op;
            this.left = left;
            this.right = right;
            this.text = text;
        }

        @Override
        boolean truth(RuleValues v) {
            double l = left.number(v);
            double r = right.number(v);
            return switch (op) {
                case "<" -> l < r;
                case "<=" -> l <= r;
                case ">" -> l > r;
                case ">=" -> l >= r;
                case "==" -> l == r;
                default -> l != r;
            };
        }

        @Override
        void explain(RuleValues v, boolean outcome, List<String> why) {
            List<Variable> named = new ArrayList<>();
            variables(named);
            List<String> figures = new ArrayList<>();
            for (Variable n : named) {
                figures.add(n.ruleName() + " " + RuleValues.format(n, n.read(v)));
            }
            why.add(text + " is " + outcome + (figures.isEmpty() ? "" : " (" + String.join(", ", figures) + ")"));
        }
    }

    private static final class Literal extends Node {
        private final boolean value;

        Literal(boolean value) {
            super(true);
            this.value = value;
        }

        @Override
        boolean truth(RuleValues v) {
            return value;
        }

        @Override
        void explain(RuleValues v, boolean outcome, List<String> why) {
            why.add("the literal " + value);
        }
    }

    private static final class Not extends Node {
        private final Node inner;

        Not(Node inner) {
            super(true, inner);
            this.inner = inner;
        }

        @Override
        boolean truth(RuleValues v) {
            return !inner.truth(v);
        }

        @Override
        void explain(RuleValues v, boolean outcome, List<String> why) {
            inner.explain(v, !outcome, why);
        }
    }

    /** {@code &&} and {@code ||}, short-circuited. */
    private static final class Logic extends Node {
        private final boolean and;
        private final Node left;
        private final Node right;

        Logic(String op, Node left, Node right) {
            super(true, left, right);
            this.and = op.equals("&&");
            this.left = left;
            this.right = right;
        }

        @Override
        boolean truth(RuleValues v) {
            return and ? left.truth(v) && right.truth(v) : left.truth(v) || right.truth(v);
        }

        /** An && is false by its first false side, an || true by its first true side; otherwise both count. */
        @Override
        void explain(RuleValues v, boolean outcome, List<String> why) {
            boolean decidedByOne = and != outcome;
            if (decidedByOne) {
                (left.truth(v) == outcome ? left : right).explain(v, outcome, why);
            } else {
                left.explain(v, outcome, why);
                right.explain(v, outcome, why);
            }
        }
    }

    // ---- tokens and the parser ----

    private enum Kind {
        NUMBER, NAME, OPERATOR, OPEN, CLOSE, END
    }

    private record Token(Kind kind, String text, int start, double value) {
        String describe() {
            return kind == Kind.END ? "the end" : "\"" + text + "\"";
        }
    }

    private static final List<String> OPERATORS = List.of("&&", "||", "<=", ">=", "==", "!=", "<", ">", "!", "+",
            "-", "*", "/");

    private static final List<String> COMPARISONS = List.of("<", "<=", ">", ">=", "==", "!=");

    /** Builds a binary node. */
    private interface Combine {
        Node of(String op, Node left, Node right);
    }

    private static final class Parser {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private int next;

        Parser(String text) {
            this.text = text;
            tokenize();
        }

        Token peek() {
            return tokens.get(next);
        }

        SyntaxError error(Token at, String problem) {
            return new SyntaxError(at.start + 1, problem + ", found " + at.describe());
        }

        private boolean accept(String operator) {
            Token t = peek();
            if (t.kind == Kind.OPERATOR && t.text.equals(operator)) {
                next++;
                return true;
            }
            return false;
        }

        void requireTruth(Node node, int column, String what) {
            if (!node.isTruth()) {
                throw new SyntaxError(column, what + " must be true or false, not a number (compare it: > < >= <= "
                        + "== !=)");
            }
        }

        private void requireNumber(Node node, Token at, String what) {
            if (node.isTruth()) {
                throw new SyntaxError(at.start + 1, what + " takes numbers, not true or false");
            }
        }

        Node or() {
            return level(List.of("||"), true, this::and, Logic::new);
        }

        private Node and() {
            return level(List.of("&&"), true, this::compare, Logic::new);
        }

        private Node compare() {
            int from = peek().start;
            Node left = sum();
            Token op = peek();
            if (op.kind == Kind.OPERATOR && COMPARISONS.contains(op.text)) {
                next++;
                Node right = sum();
                requireNumber(left, op, op.text);
                requireNumber(right, op, op.text);
                int to = tokens.get(next - 1).start + tokens.get(next - 1).text.length();
                if (peek().kind == Kind.OPERATOR && COMPARISONS.contains(peek().text)) {
                    throw error(peek(), "comparisons do not chain (join them with &&)");
                }
                return new Comparison(op.text, left, right, text.substring(from, to).strip());
            }
            return left;
        }

        private Node sum() {
            return level(List.of("+", "-"), false, this::product, Arithmetic::new);
        }

        private Node product() {
            return level(List.of("*", "/"), false, this::unary, Arithmetic::new);
        }

        /** One left-associative level of binary operators, its operands all truth values or all numbers. */
        private Node level(List<String> operators, boolean truth, Supplier<Node> operand, Combine combine) {
            Node left = operand.get();
            while (peek().kind == Kind.OPERATOR && operators.contains(peek().text)) {
                Token op = tokens.get(next++);
                Node right = operand.get();
                for (Node side : List.of(left, right)) {
                    if (truth) {
                        requireTruth(side, op.start + 1, "each side of " + op.text);
                    } else {
                        requireNumber(side, op, op.text);
                    }
                }
                left = combine.of(op.text, left, right);
            }
            return left;
        }

        private Node unary() {
            Token op = peek();
            if (accept("!")) {
                Node inner = unary();
                requireTruth(inner, op.start + 1, "the operand of !");
                return new Not(inner);
            }
            if (accept("-")) {
                Node inner = unary();
                requireNumber(inner, op, "-");
                return new Arithmetic("-", new Constant(0), inner);
            }
            return primary();
        }

        private Node primary() {
            Token t = tokens.get(next);
            switch (t.kind) {
                case NUMBER:
                    next++;
                    return new Constant(t.value);
                case NAME:
                    next++;
                    if (t.text.equals("true") || t.text.equals("false")) {
                        return new Literal(t.text.equals("true"));
                    }
                    for (Variable v : Variable.values()) {
                        if (v.ruleName().equals(t.text)) {
                            return new Read(v);
                        }
                    }
                    throw new SyntaxError(t.start + 1, "unknown variable \"" + t.text + "\" (use "
                            + String.join(", ", Arrays.stream(Variable.values()).map(Variable::ruleName).toList())
                            + ")");
                case OPEN:
                    next++;
                    Node inner = or();
                    if (peek().kind != Kind.CLOSE) {
                        throw error(peek(), "expected \")\" to close the \"(\" at column " + (t.start + 1));
                    }
                    next++;
                    return inner;
                default:
                    throw error(t, "expected a number, a variable or \"(\"");
            }
        }

        private void tokenize() {
            int i = 0;
            while (true) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i == text.length()) {
                    tokens.add(new Token(Kind.END, "", i, 0));
                    return;
                }
                char c = text.charAt(i);
                int start = i;
                if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                        i++;
                    }
                    String digits = text.substring(start, i);
                    BigDecimal value;
                    try {
                        value = new BigDecimal(digits);
                    } catch (NumberFormatException e) {
                        throw new SyntaxError(start + 1, "\"" + digits + "\" is not a number");
                    }
                    int unitStart = i;
                    while (unitStart < text.length() && text.charAt(unitStart) == ' ') {
                        unitStart++;
                    }
                    int unitEnd = unitStart;
                    if (unitEnd < text.length() && text.charAt(unitEnd) == '%') {
                        unitEnd++;
                    } else {
                        while (unitEnd < text.length() && Character.isLetter(text.charAt(unitEnd))) {
                            unitEnd++;
                        }
                    }
                    String unit = text.substring(unitStart, unitEnd);
                    if (!unit.isEmpty()) {
                        BigDecimal scale = UNITS.get(unit.toLowerCase(Locale.ROOT));
                        if (scale == null) {
                            throw new SyntaxError(unitStart + 1, "unknown unit \"" + unit + "\" (use B, KB, MB, GB, "
                                    + "TB, KiB, MiB, GiB, TiB or %)");
                        }
                        value = value.multiply(scale);
                        i = unitEnd;
                    }
                    tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start, value.doubleValue()));
                } else if (Character.isLetter(c)) {
                    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(Kind.NAME, text.substring(start, i), start, 0));
                } else if (c == '(' || c == ')') {
                    tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), start, 0));
                    i++;
                } else {
                    String op = null;
                    for (String candidate : OPERATORS) {
                        if (text.startsWith(candidate, i)) {
                            op = candidate;
                            break;
                        }
                    }
                    if (op == null) {
                        throw new SyntaxError(start + 1, "unexpected \"" + c + "\"" + (c == '&' || c == '|'
                                ? " (use && and ||)" : c == '=' ? " (use == to compare)" : ""));
                    }
                    tokens.add(new Token(Kind.OPERATOR, op, start, 0));
                    i += op.length();
                }
            }
        }
    }
}
