package org.veristep.math;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veristep.math.Expr.Binary;
import org.veristep.math.Expr.Binary.Op;
import org.veristep.math.Expr.Const;
import org.veristep.math.Expr.Func;
import org.veristep.math.Expr.Num;
import org.veristep.math.Expr.Relation.Rel;
import org.veristep.math.Expr.Var;

/**
 * Parses answer and arithmetic expressions written in LaTeX, plain text or Unicode into an {@link
 * Expr}. One parser instance per call (use the static {@link #parse(String)} methods); instances are
 * not thread-safe, the static methods are.
 *
 * <p>Reading rules (documented so that both grading and step verification agree):
 *
 * <ul>
 *   <li>Numbers: {@code 12}, {@code 0.5}, {@code .5}, {@code 3e8}; thousands separators {@code
 *       7,425,000}, {@code 11,\!111}, {@code 1{,}000} and {@code 1 000} are read as one number only
 *       outside brackets (inside brackets a comma separates items).
 *   <li>Operators by increasing precedence: separators ({@code , ; and or}) of a {@link Expr.Seq};
 *       relations ({@code = \ne < \le > \ge \approx \in}, chained); {@code \cup}; {@code + - \pm};
 *       {@code * \cdot \times / \div :} and implicit multiplication ({@code 2x}, {@code 4(3)},
 *       {@code 2\pi}); unary minus; {@code ^} (right-associative; a plain exponent is one number or
 *       one letter: {@code 2^10} is 1024, {@code x^2y} is x²·y); postfix {@code !} and {@code %}.
 *   <li>Letters are one-letter variables ({@code xy} is x·y, as in LaTeX) with optional subscripts
 *       ({@code a_{37}}); function words ({@code sqrt sin log ...}) need an opening parenthesis in
 *       plain text; {@code pi}, {@code inf} and {@code infinity} are constants.
 *   <li>Brackets: {@code (a)} is a group, {@code (a, b)} a {@link Expr.Tuple}, {@code [a, b)} and
 *       the like an {@link Expr.Interval}, {@code \{a, b\}} and {@code {a, b}} a {@link Expr.SetOf},
 *       {@code |a|} an absolute value.
 *   <li>Decoration ignored: {@code $ \$ \( \) \[ \] \left \right \big}, LaTeX spaces, {@code
 *       ^\circ}, {@code \boxed}, {@code \displaystyle}. {@code \text{..}} and similar become {@link
 *       Expr.Text}.
 *   <li>Malformed input fails closed with {@link ParseException}: an unknown command, an unclosed
 *       bracket, a missing operand or leftover text is an error, never silently dropped.
 * </ul>
 */
public final class MathParser {
    private static final Set<String> FUNCTIONS = Set.of(
            "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log",
            "lg", "exp", "abs", "floor", "ceil");
    private static final Set<String> PLAIN_FUNCTIONS = Set.of(
            "sqrt", "cbrt", "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "asin", "acos",
            "atan", "sinh", "cosh", "tanh", "ln", "log", "exp", "abs", "floor", "ceil", "binom");
    /** Greek letter commands read as variable names; {@link MathPrinter} prints them back. */
    static final Set<String> GREEK = Set.of(
            "alpha",
            "beta",
            "gamma",
            "delta",
            "epsilon",
            "varepsilon",
            "zeta",
            "eta",
            "theta",
            "vartheta",
            "iota",
            "kappa",
            "lambda",
            "mu",
            "nu",
            "xi",
            "rho",
            "sigma",
            "tau",
            "upsilon",
            "phi",
            "varphi",
            "chi",
            "psi",
            "omega",
            "Gamma",
            "Delta",
            "Theta",
            "Lambda",
            "Xi",
            "Sigma",
            "Phi",
            "Psi",
            "Omega");

    private static final Set<String> SPACES = Set.of(
            "quad",
            "qquad",
            "left",
            "right",
            "big",
            "Big",
            "bigg",
            "Bigg",
            "bigl",
            "bigr",
            "Bigl",
            "Bigr",
            "biggl",
            "biggr",
            "displaystyle",
            "textstyle",
            "limits",
            "nolimits",
            "hfill",
            "enspace",
            "thinspace",
            "medspace",
            "thickspace",
            "negthinspace",
            "middle");
    private static final Set<String> TEXT_COMMANDS =
            Set.of("text", "textbf", "textit", "textrm", "textsf", "texttt", "textnormal", "mbox", "hbox", "textup");
    private static final Set<String> TRANSPARENT = Set.of(
            "mathrm",
            "mathbf",
            "mathit",
            "mathsf",
            "boldsymbol",
            "bm",
            "mathcal",
            "mathbb",
            "mathtt",
            "boxed",
            "fbox",
            "operatorname");
    private static final Set<String> MATRIX_ENVS =
            Set.of("pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix", "smallmatrix", "array");
    private static final Map<Character, String> UNICODE = Map.ofEntries(
            Map.entry('\u2212', "-"),
            Map.entry('\u2013', "-"),
            Map.entry('\u00d7', "*"),
            Map.entry('\u00b7', "*"),
            Map.entry('\u22c5', "*"),
            Map.entry('\u00f7', "/"),
            Map.entry('\u2264', "\\le "),
            Map.entry('\u2265', "\\ge "),
            Map.entry('\u2260', "\\ne "),
            Map.entry('\u2248', "\\approx "),
            Map.entry('\u03c0', "\\pi "),
            Map.entry('\u221e', "\\infty "),
            Map.entry('\u221a', "\\sqrt"),
            Map.entry('\u00b1', "\\pm "),
            Map.entry('\u222a', "\\cup "),
            Map.entry('\u00b0', "^\\circ "),
            Map.entry('\u00b2', "^2"),
            Map.entry('\u00b3', "^3"),
            Map.entry('\u00bd', "(1/2)"),
            Map.entry('\u2153', "(1/3)"),
            Map.entry('\u2154', "(2/3)"),
            Map.entry('\u00bc', "(1/4)"),
            Map.entry('\u00be', "(3/4)"),
            Map.entry('\u2155', "(1/5)"),
            Map.entry('\u2159', "(1/6)"),
            Map.entry('\u215b', "(1/8)"),
            Map.entry('\uff0c', ","),
            Map.entry('\uff08', "("),
            Map.entry('\uff09', ")"),
            Map.entry('\u2208', "\\in "),
            Map.entry('\u00a0', " "),
            Map.entry('\u2009', " "),
            Map.entry('\u202f', " "),
            Map.entry('\u2062', " "));

    private final String original;
    private final String s;
    private final Budget budget;
    private int pos;
    private int depth;
    private int absDepth;
    private int listDepth;
    private int steps;

    private MathParser(String input, Budget budget) {
        this.original = input;
        this.budget = budget;
        if (input.length() > budget.maxInputChars()) {
            throw new TooCostlyException(
                    "input of " + input.length() + " chars exceeds the bound of " + budget.maxInputChars());
        }
        this.s = normalize(input);
    }

    /**
     * {@return the expression written in {@code input}} under the default {@link Budget} (1 s)
     *
     * @throws ParseException when the input is not a well-formed expression (with the position)
     * @throws TooCostlyException when the input is longer or deeper than the budget allows
     */
    public static Expr parse(String input) {
        return parse(input, Budget.defaults());
    }

    /**
     * {@return the expression written in {@code input}} under the given budget
     *
     * @throws ParseException when the input is not a well-formed expression (with the position)
     * @throws TooCostlyException when the input is longer, deeper or slower than the budget allows
     */
    public static Expr parse(String input, Budget budget) {
        MathParser p = new MathParser(input, budget);
        return p.parseAll();
    }

    /**
     * {@return the input with Unicode operators spelled in ASCII/LaTeX and over-escaped LaTeX
     * ({@code \\frac}, a form feed standing for {@code \f}) repaired}
     */
    static String normalize(String in) {
        if (in.indexOf("{,") >= 0 || in.indexOf("{ ,") >= 0)
            in = in.replaceAll("(?<=\\d)\\s*\\{\\s*,\\s*\\}\\s*(?=\\d)", "{,}");
        if (in.contains("quad")) in = in.replaceAll("\\\\(q?quad)(?=[A-Za-z])", "\\\\$1 ");
        StringBuilder b = new StringBuilder(in.length() + 8);
        int n = in.length();
        for (int i = 0; i < n; i++) {
            char c = in.charAt(i);
            if (c == '\\'
                    && i + 2 < n
                    && in.charAt(i + 1) == '\\'
                    && Character.isLetter(in.charAt(i + 2))
                    && (i == 0 || in.charAt(i - 1) != '\\')) {
                continue; // "\\frac" over-escaped: keep one backslash
            }
            if (c == '\f') {
                b.append("\\f");
                continue;
            }
            if (c == '\b') {
                b.append("\\b");
                continue;
            }
            if (c == '\u221a' && i + 1 < n && Character.isDigit(in.charAt(i + 1))) { // √16 is √(16)
                int e = i + 1;
                while (e < n && (Character.isDigit(in.charAt(e)) || in.charAt(e) == '.')) e++;
                b.append("\\sqrt{").append(in, i + 1, e).append('}');
                i = e - 1;
                continue;
            }
            String r = c < 128 ? null : UNICODE.get(c);
            if (r != null) b.append(r);
            else b.append(c);
        }
        return b.toString();
    }

    private Expr parseAll() {
        List<Expr> items = parseList();
        skipSpace();
        if (pos < s.length()) throw error("end of input or an operator, found '" + s.charAt(pos) + "'");
        if (items.isEmpty()) throw error("an expression");
        return items.size() == 1 ? items.getFirst() : new Expr.Seq(items);
    }

    // ---------------------------------------------------------------- grammar

    private List<Expr> parseList() {
        enter();
        listDepth++;
        try {
            return parseListItems();
        } finally {
            listDepth--;
        }
    }

    private List<Expr> parseListItems() {
        List<Expr> items = new ArrayList<>();
        skipSpace();
        if (atListEnd()) {
            depth--;
            return items;
        }

        items.add(parseRelation());
        while (trySeparator()) {
            skipSpace();
            while (trySeparator()) skipSpace();
            if (atListEnd()) break;
            items.add(parseRelation());
        }
        depth--;
        return items;
    }

    private boolean atListEnd() {
        skipSpace();
        if (pos >= s.length()) return true;
        char c = s.charAt(pos);
        return c == ')'
                || c == ']'
                || c == '}'
                || c == '&'
                || s.startsWith("\\}", pos)
                || s.startsWith("\\\\", pos)
                || s.startsWith("\\end", pos)
                || s.startsWith("\\rangle", pos)
                || s.startsWith("\\rbrace", pos);
    }

    private Expr parseRelation() {
        Expr first = parseUnion();
        Rel rel = tryRelOp();
        if (rel == null) return first;
        List<Expr> operands = new ArrayList<>();
        List<Rel> ops = new ArrayList<>();
        operands.add(first);
        while (rel != null) {
            ops.add(rel);
            operands.add(parseUnion());
            rel = tryRelOp();
        }
        return new Expr.Relation(operands, ops);
    }

    private Expr parseUnion() {
        Expr first = parseAdditive();
        if (!tryCommand("cup")) return first;
        List<Expr> parts = new ArrayList<>();
        parts.add(first);
        do {
            parts.add(parseAdditive());
        } while (tryCommand("cup"));
        return new Expr.Union(parts);
    }

    private Expr parseAdditive() {
        skipSpace();
        Expr left;
        if (tryCommand("pm") || tryCommand("mp")) left = new Expr.PlusMinus(Num.of(0), parseTerm());
        else left = parseTerm();
        while (true) {
            skipSpace();
            if (pos >= s.length()) return left;
            char c = s.charAt(pos);
            if (c == '+') {
                pos++;
                left = new Binary(Op.ADD, left, parseTerm());
            } else if (c == '-' && !s.startsWith("->", pos)) {
                pos++;
                left = new Binary(Op.SUB, left, parseTerm());
            } else if (tryCommand("pm") || tryCommand("mp")) {
                left = new Expr.PlusMinus(left, parseTerm());
            } else {
                return left;
            }
        }
    }

    private Expr parseTerm() {
        Expr left = parseSigned();
        int powers = 0; // "a**b**c" is read left-associatively; each ** is a level of nesting
        try {
            while (true) {
                skipSpace();
                if (pos >= s.length()) return left;
                char c = s.charAt(pos);
                if (c == '*' && !s.startsWith("**", pos)) {
                    pos++;
                    left = new Binary(Op.MUL, left, parseSigned());
                } else if (c == '*') { // "**" power, as in Python
                    pos += 2;
                    enter();
                    powers++;
                    left = new Binary(Op.POW, left, parseSigned());
                } else if (c == '/') {
                    pos++;
                    left = new Binary(Op.DIV, left, parseSigned());
                } else if (c == ':' && !s.startsWith(":=", pos)) {
                    pos++;
                    left = new Binary(Op.RATIO, left, parseSigned());
                } else if (tryCommand("cdot") || tryCommand("times") || tryCommand("ast")) {
                    left = new Binary(Op.MUL, left, parseSigned());
                } else if (tryCommand("div")) {
                    left = new Binary(Op.DIV, left, parseSigned());
                } else if (startsImplicitFactor()) {
                    left = new Binary(Op.MUL, left, parsePower());
                } else {
                    return left;
                }
            }
        } finally {
            depth -= powers;
        }
    }

    private Expr parseSigned() {
        skipSpace();
        while (pos < s.length() && s.charAt(pos) == '+') { // unary plus: no node, read in a loop
            pos++;
            skipSpace();
        }
        if (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
            enter();
            Expr e = new Expr.Neg(parseSigned());
            depth--;
            return e;
        }
        return parsePower();
    }

    private Expr parsePower() {
        Expr base = parsePostfix();
        skipSpace();
        while (pos < s.length() && s.charAt(pos) == '^') {
            pos++;
            if (tryDegree()) {
                base = parsePostfixOps(base);
                skipSpace();
                continue;
            }
            enter();
            Expr exponent = parseExponent();
            depth--;
            base = parsePostfixOps(new Binary(Op.POW, base, exponent));
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '^') {
                throw error("braces around a power used as a base ({a^b}^c)");
            }
        }
        return base;
    }

    /** Consumes {@code \circ} or {@code {\circ}} after a caret: a degree sign, decoration. */
    private boolean tryDegree() {
        int save = pos;
        skipSpace();
        if (tryCommand("circ")) return true;
        if (pos < s.length() && s.charAt(pos) == '{') {
            pos++;
            skipSpace();
            if (tryCommand("circ")) {
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return true;
                }
            }
        }
        pos = save;
        return false;
    }

    private Expr parseExponent() {
        skipSpace();
        if (pos >= s.length()) throw error("an exponent");
        char c = s.charAt(pos);
        if (c == '{') return parseBraceGroup();
        if (c == '-') {
            pos++;
            enter();
            Expr e = new Expr.Neg(parseExponent());
            depth--;
            return e;
        }
        if (c == '+') {
            pos++;
            enter();
            Expr e = parseExponent();
            depth--;
            return e;
        }
        Expr atom;
        if (c == '(') atom = parsePostfix();
        else if (Character.isDigit(c)) atom = number();
        else if (isAsciiLetter(c)) {
            pos++;
            atom = new Var(String.valueOf(c));
        } else if (c == '\\') {
            enter(); // 2^\sqrt2, \sin^\sin: a command in an exponent nests
            atom = parsePrimary();
            depth--;
        } else throw error("an exponent");
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == '^') { // plain 2^3^2 is 2^(3^2)
            pos++;
            enter();
            Expr e = new Binary(Op.POW, atom, parseExponent());
            depth--;
            return e;
        }
        return atom;
    }

    private Expr parsePostfix() {
        return parsePostfixOps(parsePrimary());
    }

    /** Reads postfix {@code !}, {@code %}, {@code \%} and primes; each {@code !} or {@code %} is a level of nesting. */
    private Expr parsePostfixOps(Expr e) {
        int levels = 0;
        try {
            while (true) {
                skipSpace();
                if (pos >= s.length()) return e;
                char c = s.charAt(pos);
                if (c == '!' && !s.startsWith("!=", pos)) {
                    pos++;
                    enter();
                    levels++;
                    e = new Func("factorial", List.of(e));
                } else if (c == '%') {
                    pos++;
                    enter();
                    levels++;
                    e = new Expr.Percent(e);
                } else if (s.startsWith("\\%", pos)) {
                    pos += 2;
                    enter();
                    levels++;
                    e = new Expr.Percent(e);
                } else if (c == '\'' && e instanceof Var v) {
                    pos++;
                    e = new Var(v.name() + "'");
                } else {
                    return e;
                }
            }
        } finally {
            depth -= levels;
        }
    }

    private Expr parsePrimary() {
        if ((++steps & 63) == 0) budget.checkTime();
        skipSpace();
        if (pos >= s.length()) throw error("an operand");
        char c = s.charAt(pos);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
            Num n = number();
            if (pos < s.length() && s.charAt(pos) == '_') {
                pos++;
                return new Expr.Text(n.value() + "_" + subscript());
            }
            return n;
        }
        if (isAsciiLetter(c)) return letters();
        if (c == '(' || c == '[') return bracketed();
        if (c == '{') return parseBraceGroup();
        if (c == '|' && absDepth == 0) {
            pos++;
            absDepth++;
            enter();
            Expr inner = parseAdditive();
            depth--;
            absDepth--;
            expect('|');
            return new Func("abs", List.of(inner));
        }
        if (c == '\\') return command();
        throw error("a number, variable, bracket or command, found '" + c + "'");
    }

    private Num number() {
        int start = pos;
        int n = s.length();
        StringBuilder digits = new StringBuilder();
        while (pos < n && Character.isDigit(s.charAt(pos))) digits.append(s.charAt(pos++));
        if (listDepth <= 1 && digits.length() <= 3 && digits.length() > 0) readThousands(digits);
        int decimals = -1;
        if (pos + 1 < n && s.charAt(pos) == '.' && Character.isDigit(s.charAt(pos + 1))) {
            pos++;
            digits.append('.');
            decimals = 0;
            while (pos < n && Character.isDigit(s.charAt(pos))) {
                digits.append(s.charAt(pos++));
                decimals++;
            }
        }
        if (digits.length() == 0 || digits.charAt(0) == '.') digits.insert(0, '0');
        int exponentDigits = 0;
        if (pos + 1 < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            int q = pos + 1;
            if (s.charAt(q) == '-' || s.charAt(q) == '+') q++;
            int d0 = q;
            while (q < n && Character.isDigit(s.charAt(q))) q++;
            if (q > d0 && (q == n || !isAsciiLetter(s.charAt(q)))) {
                exponentDigits = q - d0;
                digits.append(s, pos, q);
                pos = q;
            }
        }
        if (exponentDigits > 6) throw new TooCostlyException("a number with a " + exponentDigits + "-digit exponent");
        try {
            BigDecimal d = new BigDecimal(digits.toString());
            if (Math.abs((long) d.scale()) > budget.maxBits()) throw new TooCostlyException("number " + digits);
            return new Num(BigRational.of(d), exponentDigits > 0 ? (d.scale() > 0 ? d.scale() : -1) : decimals);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number");
        }
    }

    /** Reads thousands groups after the first 1-3 digits, outside brackets only. */
    private void readThousands(StringBuilder digits) {
        int n = s.length();
        int q = pos;
        StringBuilder groups = new StringBuilder();
        String sep = null;
        while (q < n) {
            int r;
            String thisSep;
            if (s.startsWith(",\\!", q)) {
                r = q + 3;
                thisSep = ",";
            } else if (s.startsWith("{,}", q)) {
                r = q + 3;
                thisSep = ",";
            } else if (s.startsWith("\\,", q)) {
                r = q + 2;
                thisSep = " ";
            } else if (s.charAt(q) == ',') {
                r = q + 1;
                thisSep = ",";
            } else if (s.charAt(q) == ' ') {
                r = q + 1;
                thisSep = " ";
            } else break;
            if (sep != null && !sep.equals(thisSep)) break;
            int w = r;
            while (w < n && s.charAt(w) == ' ' && !thisSep.equals(" ") && s.charAt(q) != ',') w++;
            if (s.startsWith(",\\!", q) || s.startsWith("{,}", q)) while (w < n && s.charAt(w) == ' ') w++;
            if (w + 3 > n) break;
            boolean three = Character.isDigit(s.charAt(w))
                    && Character.isDigit(s.charAt(w + 1))
                    && Character.isDigit(s.charAt(w + 2))
                    && (w + 3 == n || !Character.isDigit(s.charAt(w + 3)));
            if (!three) break;
            sep = thisSep;
            groups.append(s, w, w + 3);
            q = w + 3;
        }
        if (groups.isEmpty()) return;
        // a comma-grouped number must not continue as a list: "1,000,5" is not a number
        if (",".equals(sep) && q < n && s.charAt(q) == ',' && q + 1 < n && Character.isDigit(s.charAt(q + 1))) return;
        digits.append(groups);
        pos = q;
    }

    private String subscript() {
        skipSpace();
        if (pos >= s.length()) throw error("a subscript");
        if (s.charAt(pos) == '{') {
            int end = matchingBrace(pos);
            String raw = s.substring(pos + 1, end).replace(" ", "");
            pos = end + 1;
            return raw;
        }
        char c = s.charAt(pos);
        if (Character.isLetterOrDigit(c)) {
            pos++;
            return String.valueOf(c);
        }
        if (c == '\\') {
            int start = pos++;
            while (pos < s.length() && isAsciiLetter(s.charAt(pos))) pos++;
            return s.substring(start, pos);
        }
        throw error("a subscript");
    }

    private Expr letters() {
        int start = pos;
        int end = pos;
        while (end < s.length() && isAsciiLetter(s.charAt(end))) end++;
        String word = s.substring(start, end);
        // plain-text words
        for (String f : PLAIN_FUNCTIONS) {
            if (word.startsWith(f) && word.length() == f.length() && nextNonSpaceIs(end, '(')) {
                pos = end;
                return plainFunction(f);
            }
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("pi")) {
            pos = end;
            return new Const(Const.Kind.PI);
        }
        if (lower.equals("inf") || lower.equals("infinity") || lower.equals("infty")) {
            pos = end;
            return new Const(Const.Kind.INFINITY);
        }
        pos = start + 1;
        return variableWithSubscript(String.valueOf(s.charAt(start)));
    }

    private Expr plainFunction(String f) {
        Expr arg = bracketed();
        List<Expr> args = arg instanceof Expr.Tuple t ? t.items() : List.of(arg);
        return switch (f) {
            case "sqrt" -> new Func("sqrt", one(args, f));
            case "cbrt" -> new Func("root", List.of(one(args, f).getFirst(), Num.of(3)));
            case "asin" -> new Func("arcsin", one(args, f));
            case "acos" -> new Func("arccos", one(args, f));
            case "atan" -> new Func("arctan", one(args, f));
            case "binom" -> {
                if (args.size() != 2) throw error("binom(n, k) with two arguments");
                yield new Func("binom", args);
            }
            case "log" ->
                args.size() == 2 ? new Func("log", List.of(args.get(0), args.get(1))) : new Func("log", one(args, f));
            default -> new Func(f, one(args, f));
        };
    }

    private List<Expr> one(List<Expr> args, String f) {
        if (args.size() != 1) throw error(f + "(x) with one argument");
        return args;
    }

    private Expr variableWithSubscript(String name) {
        if (pos < s.length() && s.charAt(pos) == '_') {
            pos++;
            return new Var(name + "_" + subscript());
        }
        return new Var(name);
    }

    private Expr bracketed() {
        char open = s.charAt(pos++);
        List<Expr> items = parseList();
        skipSpace();
        if (pos >= s.length()) throw error("a closing bracket for '" + open + "'");
        char close = s.charAt(pos);
        if (close != ')' && close != ']') throw error("')' or ']'");
        pos++;
        if (items.isEmpty()) throw error("something inside the brackets");
        if (items.size() == 1) {
            if ((open == '(') != (close == ')')) throw error("matching brackets around a single item");
            return items.getFirst();
        }
        if (items.size() == 2 && (open == '[' || close == ']')) {
            return new Expr.Interval(items.get(0), items.get(1), open == '[', close == ']');
        }
        if ((open == '(') != (close == ')')) throw error("matching brackets around a tuple");
        return new Expr.Tuple(items);
    }

    private Expr parseBraceGroup() {
        int open = pos;
        pos++;
        List<Expr> items = parseList();
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '}') {
            pos = Math.min(pos, s.length());
            throw error("'}' closing the '{' at " + open);
        }
        pos++;
        if (items.isEmpty()) throw error("something inside the braces");
        return items.size() == 1 ? items.getFirst() : new Expr.SetOf(items);
    }

    /** Reads a one-token or braced argument of \frac, \sqrt, \binom. */
    private Expr argument() {
        skipSpace();
        if (pos >= s.length()) throw error("an argument");
        char c = s.charAt(pos);
        if (c == '{') return parseBraceGroup();
        if (Character.isDigit(c)) {
            pos++;
            return new Num(BigRational.of(c - '0'), -1);
        }
        if (isAsciiLetter(c)) {
            pos++;
            return new Var(String.valueOf(c));
        }
        if (c == '(') return bracketed();
        if (c == '\\') { // \sqrt\frac12, \mathrm\mathrm{x}: a command as an argument nests
            enter();
            Expr e = command();
            depth--;
            return e;
        }
        throw error("an argument in braces");
    }

    private Expr command() {
        int start = pos;
        pos++; // backslash
        if (pos >= s.length()) throw error("a command after '\\'");
        char c = s.charAt(pos);
        if (c == '{' || s.startsWith("lbrace", pos)) {
            pos += c == '{' ? 1 : 6;
            List<Expr> items = parseList();
            skipSpace();
            if (tryLiteral("\\}") || tryCommand("rbrace")) return new Expr.SetOf(items);
            throw error("'\\}' closing the set opened at " + start);
        }
        if (!isAsciiLetter(c)) throw error("a command name");
        int nameStart = pos;
        while (pos < s.length() && isAsciiLetter(s.charAt(pos))) pos++;
        String name = s.substring(nameStart, pos);
        switch (name) {
            case "frac", "dfrac", "tfrac", "cfrac" -> {
                enter();
                Expr num = argument();
                Expr den = argument();
                depth--;
                return new Binary(Op.DIV, num, den);
            }
            case "sqrt" -> {
                skipSpace();
                Expr index = null;
                if (pos < s.length() && s.charAt(pos) == '[') {
                    pos++;
                    enter();
                    index = parseAdditive();
                    depth--;
                    expect(']');
                }
                enter();
                Expr radicand = argument();
                depth--;
                return index == null ? new Func("sqrt", List.of(radicand)) : new Func("root", List.of(radicand, index));
            }
            case "binom", "dbinom", "tbinom" -> {
                Expr n = argument();
                Expr k = argument();
                return new Func("binom", List.of(n, k));
            }
            case "pi" -> {
                return new Const(Const.Kind.PI);
            }
            case "infty", "infinity" -> {
                return new Const(Const.Kind.INFINITY);
            }
            case "emptyset", "varnothing" -> {
                return new Expr.SetOf(List.of());
            }
            case "langle" -> {
                List<Expr> items = parseList();
                skipSpace();
                if (!tryCommand("rangle")) throw error("'\\rangle'");
                return items.size() == 1 ? items.getFirst() : new Expr.Tuple(items);
            }
            case "begin" -> {
                return environment();
            }
            default -> {}
        }
        if (TEXT_COMMANDS.contains(name)) {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '{') throw error("'{' after \\" + name);
            int end = matchingBrace(pos);
            String content = s.substring(pos + 1, end).trim();
            pos = end + 1;
            return new Expr.Text(content);
        }
        if (TRANSPARENT.contains(name)) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '{') {
                int end = matchingBrace(pos);
                String content = s.substring(pos + 1, end).trim();
                if (content.equals("e") && !name.startsWith("box") && !name.equals("fbox")) {
                    pos = end + 1;
                    return new Const(Const.Kind.E);
                }
                if (name.equals("operatorname") && FUNCTIONS.contains(content)) {
                    pos = end + 1;
                    return function(content);
                }
                enter();
                Expr e = parseBraceGroup();
                depth--;
                return e;
            }
            return argument();
        }
        if (GREEK.contains(name)) return variableWithSubscript(name);
        if (FUNCTIONS.contains(name)) return function(name);
        // \fracab, \sqrta: command letters run into one-letter arguments
        for (String prefix : new String[] {"dfrac", "tfrac", "cfrac", "frac", "sqrt"}) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                pos = nameStart + prefix.length();
                if (prefix.equals("sqrt")) return new Func("sqrt", List.of(argument()));
                Expr num = argument();
                Expr den = argument();
                return new Binary(Op.DIV, num, den);
            }
        }
        pos = start;
        throw error("a known command, found \\" + name);
    }

    private Expr function(String name) {
        skipSpace();
        Expr power = null;
        Expr base = null;
        for (int k = 0; k < 2; k++) {
            if (pos < s.length() && s.charAt(pos) == '^' && power == null) {
                pos++;
                power = parseExponent();
                skipSpace();
            } else if (pos < s.length() && s.charAt(pos) == '_' && base == null && name.equals("log")) {
                pos++;
                skipSpace();
                base = pos < s.length() && s.charAt(pos) == '{' ? parseBraceGroup() : argument();
                skipSpace();
            }
        }
        skipSpace();
        if (pos >= s.length()) throw error("an argument of \\" + name);
        Expr arg;
        char c = s.charAt(pos);
        enter(); // \sin\sin\sin x nests
        if (c == '(' || c == '[' || c == '{') arg = c == '{' ? parseBraceGroup() : bracketed();
        else arg = parsePower();
        depth--;
        String fname = name.equals("lg") ? "log" : name;
        if (name.equals("lg")) base = Num.of(10);
        Expr call = base == null ? new Func(fname, List.of(arg)) : new Func("log", List.of(arg, base));
        if (name.equals("exp")) call = new Binary(Op.POW, new Const(Const.Kind.E), arg);
        return power == null ? call : new Binary(Op.POW, call, power);
    }

    private Expr environment() {
        enter();
        try {
            return matrix();
        } finally {
            depth--;
        }
    }

    private Expr matrix() {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '{') throw error("'{' after \\begin");
        int end = matchingBrace(pos);
        String env = s.substring(pos + 1, end).trim();
        pos = end + 1;
        if (!MATRIX_ENVS.contains(env)) throw error("a matrix environment, found " + env);
        skipSpace();
        if (env.equals("array") && pos < s.length() && s.charAt(pos) == '{') pos = matchingBrace(pos) + 1;
        List<List<Expr>> rows = new ArrayList<>();
        List<Expr> row = new ArrayList<>();
        while (true) {
            skipSpace();
            if (tryLiteral("\\end")) {
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '{') throw error("'{' after \\end");
                int e2 = matchingBrace(pos);
                if (!s.substring(pos + 1, e2).trim().equals(env)) throw error("\\end{" + env + "}");
                pos = e2 + 1;
                if (!row.isEmpty()) rows.add(row);
                break;
            }
            if (tryLiteral("\\\\")) {
                if (!row.isEmpty()) rows.add(row);
                row = new ArrayList<>();
                continue;
            }
            if (tryLiteral("&")) continue;
            if (pos >= s.length()) throw error("\\end{" + env + "}");
            row.add(parseRelation());
        }
        if (rows.isEmpty()) throw error("a non-empty matrix");
        int cols = rows.getFirst().size();
        for (List<Expr> r : rows) if (r.size() != cols) throw error("rows of equal length in the matrix");
        return new Expr.Matrix(rows);
    }

    // ---------------------------------------------------------------- lexical helpers

    private boolean startsImplicitFactor() {
        skipSpace();
        if (pos >= s.length()) return false;
        char c = s.charAt(pos);
        if (Character.isDigit(c)) return true;
        if (isAsciiLetter(c)) return !atWord("and") && !atWord("or");
        if (c == '(' || c == '{') return true;
        if (c == '|') return absDepth == 0;
        if (c == '\\') {
            int q = pos + 1;
            int e = q;
            while (e < s.length() && isAsciiLetter(s.charAt(e))) e++;
            String name = s.substring(q, e);
            if (TEXT_COMMANDS.contains(name)) return !isSeparatorText(e);
            return name.equals("frac")
                    || name.equals("dfrac")
                    || name.equals("tfrac")
                    || name.equals("cfrac")
                    || name.equals("sqrt")
                    || name.equals("pi")
                    || name.equals("infty")
                    || name.equals("binom")
                    || name.equals("dbinom")
                    || name.equals("tbinom")
                    || TRANSPARENT.contains(name)
                    || GREEK.contains(name)
                    || FUNCTIONS.contains(name)
                    || name.equals("begin");
        }
        return false;
    }

    /**
     * {@return whether the separator word {@code w} ("and", "or") starts here}: not followed by a
     * lower-case letter, so "1orW(x)=-1" separates but "order" does not
     */
    private boolean atWord(String w) {
        if (!s.startsWith(w, pos)) return false;
        int e = pos + w.length();
        return e >= s.length() || !(s.charAt(e) >= 'a' && s.charAt(e) <= 'z');
    }

    /** {@return whether the text command whose name ends at {@code e} holds "and" or "or" only} */
    private boolean isSeparatorText(int e) {
        if (e >= s.length() || s.charAt(e) != '{') return false;
        int end = matchingBrace(e);
        String t = s.substring(e + 1, end).trim().replace(",", "").trim();
        return t.equals("and") || t.equals("or") || t.isEmpty();
    }

    private boolean trySeparator() {
        skipSpace();
        if (pos >= s.length()) return false;
        char c = s.charAt(pos);
        if (c == ',' || c == ';') {
            pos++;
            return true;
        }
        if (atWord("and")) {
            pos += 3;
            return true;
        }
        if (atWord("or")) {
            pos += 2;
            return true;
        }
        if (c == '\\') {
            int e = pos + 1;
            while (e < s.length() && isAsciiLetter(s.charAt(e))) e++;
            if (TEXT_COMMANDS.contains(s.substring(pos + 1, e)) && isSeparatorText(e)) {
                pos = matchingBrace(e) + 1;
                return true;
            }
        }
        return false;
    }

    private Rel tryRelOp() {
        skipSpace();
        if (pos >= s.length()) return null;
        String[][] ops = {
            {"<=", "LE"},
            {">=", "GE"},
            {"!=", "NE"},
            {"==", "EQ"},
            {"=<", "LE"},
            {"=>", "GE"},
            {"=", "EQ"},
            {"<", "LT"},
            {">", "GT"}
        };
        for (String[] op : ops) {
            if (s.startsWith(op[0], pos)) {
                pos += op[0].length();
                return Rel.valueOf(op[1]);
            }
        }
        if (s.charAt(pos) != '\\') return null;
        String[][] cmds = {
            {"leqslant", "LE"}, {"geqslant", "GE"}, {"leq", "LE"}, {"geq", "GE"}, {"le", "LE"}, {"ge", "GE"},
            {"lt", "LT"}, {"gt", "GT"}, {"neq", "NE"}, {"ne", "NE"}, {"approx", "APPROX"}, {"in", "IN"},
            {"equiv", "EQ"}
        };
        for (String[] op : cmds) {
            if (tryCommand(op[0])) return Rel.valueOf(op[1]);
        }
        return null;
    }

    /** Consumes {@code \name} when it is followed by a non-letter. */
    private boolean tryCommand(String name) {
        skipSpace();
        if (pos + 1 + name.length() > s.length()) return false;
        if (s.charAt(pos) != '\\' || !s.startsWith(name, pos + 1)) return false;
        int e = pos + 1 + name.length();
        if (e < s.length() && isAsciiLetter(s.charAt(e))) return false;
        pos = e;
        return true;
    }

    private boolean tryLiteral(String lit) {
        skipSpace();
        if (s.startsWith(lit, pos)) {
            pos += lit.length();
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != c) throw error("'" + c + "'");
        pos++;
    }

    /** Skips whitespace, math delimiters and LaTeX spacing/sizing commands. */
    private void skipSpace() {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '$' || c == '~') {
                pos++;
                continue;
            }
            if (c != '\\' || pos + 1 >= n) return;
            char d = s.charAt(pos + 1);
            if (d == ',' || d == ';' || d == ':' || d == '!' || d == ' ' || d == '$' || d == '(' || d == ')' || d == '['
                    || d == ']' || d == '\n') {
                pos += 2;
                continue;
            }
            if (!isAsciiLetter(d)) return;
            int e = pos + 1;
            while (e < n && isAsciiLetter(s.charAt(e))) e++;
            String name = s.substring(pos + 1, e);
            if (!SPACES.contains(name)) return;
            pos = e;
            if ((name.equals("left") || name.equals("right")) && pos < n && s.charAt(pos) == '.') pos++;
        }
    }

    private boolean nextNonSpaceIs(int from, char c) {
        int q = from;
        while (q < s.length() && s.charAt(q) == ' ') q++;
        return q < s.length() && s.charAt(q) == c;
    }

    private int matchingBrace(int open) {
        int level = 0;
        for (int q = open; q < s.length(); q++) {
            char c = s.charAt(q);
            if (c == '\\') {
                q++;
                continue;
            }
            if (c == '{') level++;
            else if (c == '}' && --level == 0) return q;
            if (level > budget.maxDepth()) throw new TooCostlyException("nesting deeper than " + budget.maxDepth());
        }
        pos = open;
        throw error("'}' closing the '{' at " + open);
    }

    private void enter() {
        if (++depth > budget.maxDepth()) throw new TooCostlyException("nesting deeper than " + budget.maxDepth());
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private ParseException error(String expected) {
        return new ParseException(original, Math.min(pos, s.length()), expected);
    }
}
