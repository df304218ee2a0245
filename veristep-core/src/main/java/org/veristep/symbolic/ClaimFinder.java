package org.veristep.symbolic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the relations a step's text asserts: chains {@code a = b = c}, approximations ({@code ≈},
 * {@code \approx}, "= about"), inequalities; in plain text, LaTeX ({@code \( \)}, {@code \[ \]},
 * {@code $ $}, {@code $$ $$}, {@code \begin{align}}), Unicode ({@code × ÷ − ≤ ≥ ≈}) and GSM8K
 * calculator annotations ({@code <<48/2=24>>}).
 *
 * <p>It only locates and normalises; it never evaluates (that is {@link org.veristep.math}'s job,
 * called by {@link StepVerifier}). Money ({@code $1,200}), thousands separators ({@code 1,200},
 * {@code 1{,}200}, {@code 1\,200}), percent ({@code 20%}, {@code 20\%}, "20 percent"), "of" after a
 * fraction or percent, "times" and "x" between numbers, and unit words beside numbers ({@code 4
 * pounds + 4 pounds}, {@code \text{ pounds}}) are rewritten so the sides parse. Whatever it cannot
 * read with confidence ends a side; the chain then records why its extent is doubtful, so the
 * verifier never refutes a claim it may have misread.
 *
 * <p>Stateless and thread-safe; linear in the text's length.
 */
public final class ClaimFinder {
    private ClaimFinder() {}

    enum Kind {
        NUM,
        OP,
        LP,
        RP,
        FUNC,
        VAR,
        REL,
        WORD,
        UNIT,
        /** a hard boundary: math delimiter, newline, unknown command, markup */
        SEP,
        PUNCT
    }

    /** A lexical token; {@code norm} is the text given to the parser (or the word, lower case). */
    static final class Tok {
        Kind kind;
        final int start;
        final int end;
        String norm;
        boolean percent;
        boolean money;
        /** for VAR: the name has a subscript, written {@code x_{...}} in the expression */
        boolean sub;

        final boolean plain;
        Relation rel;
        /** for SEP: a math delimiter (looked through when checking context) */
        boolean delimiter;
        /** for NUM: the one-character exponent of a LaTeX power without braces ({@code 3^25^2}) */
        boolean exponent;

        Tok(Kind kind, int start, int end, String norm, boolean plain) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.norm = norm;
            this.plain = plain;
        }

        @Override
        public String toString() {
            return kind + "(" + norm + ")";
        }
    }

    /** Words that, just before a chain, may belong to its first side ("half of 10 = 5"). */
    private static final Set<String> STOP_BEFORE = Set.of(
            "of",
            "times",
            "twice",
            "half",
            "double",
            "triple",
            "thrice",
            "quarter",
            "third",
            "thirds",
            "fourth",
            "fifth",
            "sixth",
            "tenth",
            "per",
            "by",
            "divided",
            "plus",
            "minus",
            "multiplied",
            "multiply",
            "over",
            "into",
            "than",
            "sqrt",
            "root",
            "squared",
            "cubed",
            "power",
            "and",
            "from",
            "with",
            "to",
            "mod",
            "less",
            "more",
            "add",
            "subtract",
            "subtracting",
            "adding",
            "dividing",
            "multiplying",
            "between",
            "each",
            "every",
            "least",
            "most",
            "log",
            "ln",
            "sin",
            "cos",
            "tan",
            "factorial",
            "choose",
            "remainder",
            "base",
            "digits",
            "digit",
            "sum",
            "product",
            "square",
            "cube",
            "percent",
            "after",
            "before",
            "at",
            "when",
            "if",
            "for",
            "where",
            "since",
            "as",
            "then",
            "not",
            "no",
            "exp",
            "e",
            "c",
            "p");

    /** Words that, just after a chain, may belong to its last side ("= 2 dozen", "= 3 times"). */
    private static final Set<String> STOP_AFTER = Set.of(
            "of",
            "times",
            "dozen",
            "dozens",
            "hundred",
            "hundreds",
            "thousand",
            "thousands",
            "million",
            "millions",
            "billion",
            "billions",
            "trillion",
            "score",
            "squared",
            "cubed",
            "mod",
            "modulo",
            "percent",
            "per",
            "raised",
            "to",
            "divided",
            "multiplied",
            "plus",
            "minus",
            "over",
            "k",
            "m",
            "b",
            "x",
            "th",
            "st",
            "nd",
            "rd",
            "pairs",
            "pair",
            "couple",
            "half",
            "quarter",
            "thirds",
            "fifths",
            "fourths",
            "tenths",
            "hundredths",
            "fractions",
            "remainder",
            "r",
            "with",
            "digits",
            "digit",
            "factorial",
            "choose",
            "ways");

    /** Words never read as units. */
    private static final Set<String> NOT_UNITS = Set.of(
            "dozen",
            "dozens",
            "hundred",
            "hundreds",
            "thousand",
            "thousands",
            "million",
            "millions",
            "billion",
            "billions",
            "trillion",
            "score",
            "times",
            "of",
            "percent",
            "half",
            "quarter",
            "third",
            "thirds",
            "pair",
            "pairs",
            "squared",
            "cubed",
            "is",
            "and",
            "or",
            "to",
            "the",
            "a",
            "an",
            "per",
            "remainder",
            "r",
            "with",
            "mod",
            "modulo");

    /** LaTeX commands that neither end a side nor belong to it (spacing, sizing). */
    private static final Set<String> SKIP_COMMANDS = Set.of(
            ",",
            ";",
            "!",
            ":",
            " ",
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
            "displaystyle",
            "textstyle",
            "boxed",
            "fbox",
            "$",
            "cr");

    /** LaTeX commands before a chain that are plain punctuation of prose, not part of a side. */
    private static final Set<String> SAFE_SEP_COMMANDS = Set.of(
            "quad",
            "qquad",
            "implies",
            "Rightarrow",
            "Longrightarrow",
            "rightarrow",
            "to",
            "therefore",
            "because",
            "iff",
            "Leftrightarrow",
            "text",
            "\\",
            "newline",
            "hline",
            "and");

    /**
     * Finds every chain in a step.
     *
     * @param text a step's text; never null
     * @return the chains in text order; each has at least one relation and two non-null sides, or
     *     one and a label (see {@link Chain})
     */
    public static List<Chain> find(String text) {
        List<Tok> toks = lex(text);
        rewriteWords(text, toks);
        return assemble(text, toks);
    }

    // ---------------------------------------------------------------- lexing

    /** {@return whether the digits at {@code i} (an exponent) run straight into another power: "3^25^2"} */
    private static boolean juxtaposedPowers(String s, int i) {
        int k = i;
        while (k < s.length() && Character.isDigit(s.charAt(k))) k++;
        return k - i >= 2 && k < s.length() && s.charAt(k) == '^';
    }

    /** A mixed number or fraction directly followed by a percent ("33\\frac13\\%"): no value to compute. */
    private static final java.util.regex.Pattern FRACTION_PERCENT =
            java.util.regex.Pattern.compile("\\d\\s*\\\\[dt]?frac\\s*(?:\\d\\d|\\{[^}]*\\}\\s*\\{[^}]*\\})\\s*\\\\?%");

    /** Commands after which a side is no value to compute (a repeating decimal, an elision, a vector). */
    private static final List<String> UNREADABLE_COMMANDS =
            List.of("overline", "ldots", "cdots", "dots", "mathbf", "vec", "overrightarrow", "boldsymbol", "bar");

    /** Functions the parser does not know: a side they apply to is no value to compute. */
    private static final Set<String> UNKNOWN_FUNCTIONS = Set.of(
            "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "arg", "det", "dim", "gcd", "lcm", "hom", "ker", "lim",
            "liminf", "limsup", "Pr", "sup", "inf", "deg");

    /**
     * {@return whether {@code text[from, to)} holds a notation that makes a side no value to compute:
     * {@link #UNREADABLE_COMMANDS}, "...", "…", or a fraction directly followed by a percent
     * ("33\\frac13\\%")}
     */
    private static boolean unreadable(String text, int from, int to) {
        boolean percent = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '…' || c == '.' && text.startsWith("...", i)) return true;
            if (c == '%') percent = true;
            if (c != '\\') continue;
            for (String name : UNREADABLE_COMMANDS) {
                int e = i + 1 + name.length();
                if (text.startsWith(name, i + 1) && (e >= text.length() || !Character.isLetter(text.charAt(e)))) {
                    return true;
                }
            }
        }
        return percent && FRACTION_PERCENT.matcher(text).region(from, to).find();
    }

    /**
     * {@return whether a function the parser does not know ({@code \\operatorname{arccot}}, {@code
     * \\sec}, {@code \\arccos} ...) stands just before offset {@code at}}
     */
    private static boolean unknownFunctionBefore(String text, int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) == ' ') i--;
        if (i < 0) return false;
        if (text.charAt(i) == '}') {
            int open = text.lastIndexOf('{', i);
            if (open < 0) return false;
            int k = open;
            if (k > 0 && text.charAt(k - 1) == '*') k--;
            return text.startsWith("\\operatorname", k - 13);
        }
        int end = i + 1;
        while (i >= 0 && Character.isLetter(text.charAt(i))) i--;
        if (i < 0 || text.charAt(i) != '\\' || end - i < 3) return false;
        String name = text.substring(i + 1, end);
        return UNKNOWN_FUNCTIONS.contains(name) || name.startsWith("arc");
    }

    /** The end of an aligned line followed by a line that starts with an operator. */
    private static final java.util.regex.Pattern CONTINUED_LINE = java.util.regex.Pattern.compile(
            "\\s*(?:\\\\\\\\\\s*&?|\\n\\s*&)\\s*(?:\\\\q?quad\\s*|\\\\hspace\\{[^}]*\\}\\s*)*[-+]");

    /** Unicode vulgar fraction glyphs and their values ({@link #VULGAR_VALUES}, same order). */
    private static final String VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞";

    private static final String[] VULGAR_VALUES = {
        "1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "2/5", "3/5", "4/5", "1/6", "5/6", "1/8", "3/8", "5/8", "7/8"
    };

    /**
     * {@return the index after {@code \\( x \\)} starting at {@code i} when it holds one letter and
     * stands inside a plain-text expression (an operator or relation just before or after it), else -1}
     */
    private static int inlineVariable(String s, int i) {
        if (!s.startsWith("\\(", i)) return -1;
        int a = i + 2;
        while (a < s.length() && s.charAt(a) == ' ') a++;
        if (a >= s.length() || !Character.isLetter(s.charAt(a)) || s.charAt(a) > 'z') return -1;
        int b = a + 1;
        while (b < s.length() && s.charAt(b) == ' ') b++;
        if (!s.startsWith("\\)", b)) return -1;
        int end = b + 2;
        int p = i - 1;
        while (p >= 0 && s.charAt(p) == ' ') p--;
        int q = end;
        while (q < s.length() && s.charAt(q) == ' ') q++;
        boolean opBefore = p >= 0 && "+-*/=×÷−".indexOf(s.charAt(p)) >= 0;
        boolean opAfter = q < s.length() && "+-*/=×÷−<>".indexOf(s.charAt(q)) >= 0;
        return opBefore || opAfter ? end : -1;
    }

    static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        boolean math = false;
        String close = null; // closing delimiter of the current math region
        boolean calc = false; // inside <<...>>
        boolean money = false;
        boolean dollarMath = dollarMath(s);
        // \sqrt[3]{x} outside math delimiters: its brackets and braces stay LaTeX (not "(3)(x)")
        boolean rootIndex = false;
        boolean radicandNext = false;
        java.util.ArrayDeque<Boolean> keptBraces = new java.util.ArrayDeque<>();
        while (i < n) {
            char c = s.charAt(i);
            boolean plain = !math;
            // closing delimiters
            if (math
                    && close != null
                    && c == close.charAt(0)
                    && s.startsWith(close, i)
                    && !(close.equals("$") && s.startsWith("$$", i))) {
                sep(out, i, i + close.length(), close, true);
                i += close.length();
                math = false;
                close = null;
                keptBraces.clear();
                continue;
            }
            if (calc && c == '>' && s.startsWith(">>", i)) {
                sep(out, i, i + 2, ">>", true);
                i += 2;
                calc = false;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (c == '\n' && !math) sep(out, i, i + 1, "\n", false);
                i++;
                continue;
            }
            if (!math && !calc && (c == '\\' || c == '$' || c == '<')) {
                int inline = inlineVariable(s, i);
                if (inline > i) {
                    // "30 + 15 + \\( x \\) + 105 = 500": one letter set in math inside a plain-text
                    // expression is that expression's variable, not the end of it
                    int at = i + 2;
                    while (Character.isWhitespace(s.charAt(at))) at++;
                    out.add(new Tok(Kind.VAR, at, at + 1, String.valueOf(s.charAt(at)), false));
                    i = inline;
                    continue;
                }
                if (s.startsWith("\\(", i) || s.startsWith("\\[", i)) {
                    Tok before = last(out);
                    // "Total = \\(2A + 60\\)": words set equal to an inline expression label it
                    boolean labelled = s.charAt(i + 1) == '('
                            && before != null
                            && before.kind == Kind.REL
                            && before.plain
                            && out.size() > 1
                            && out.get(out.size() - 2).kind == Kind.WORD;
                    if (!labelled) sep(out, i, i + 2, s.substring(i, i + 2), true);
                    math = true;
                    close = s.startsWith("\\(", i) ? "\\)" : "\\]";
                    i += 2;
                    continue;
                }
                if (s.startsWith("$$", i)) {
                    sep(out, i, i + 2, "$$", true);
                    math = true;
                    close = "$$";
                    i += 2;
                    continue;
                }
                if (c == '$') {
                    if (!dollarMath && i + 1 < n && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.')) {
                        money = true;
                        i++;
                        continue;
                    }
                    sep(out, i, i + 1, "$", true);
                    math = true;
                    close = "$";
                    i++;
                    continue;
                }
                if (s.startsWith("\\begin{", i)) {
                    int e = s.indexOf('}', i);
                    if (e < 0) e = n - 1;
                    String env = s.substring(i + 7, e);
                    sep(out, i, e + 1, "\\begin", true);
                    math = true;
                    close = "\\end{" + env + "}";
                    i = e + 1;
                    continue;
                }
                if (s.startsWith("<<", i)) {
                    sep(out, i, i + 2, "<<", true);
                    calc = true;
                    i += 2;
                    continue;
                }
            }
            boolean mathLike = math || calc;
            if (!mathLike
                    && (c == '-' || c == '*' || c == '\u2022')
                    && i + 1 < n
                    && s.charAt(i + 1) == ' '
                    && atLineStart(s, i)) {
                sep(out, i, i + 1, "bullet", false);
                i++;
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                i = number(s, i, out, plain && !calc, money);
                money = false;
                continue;
            }
            money = false;
            if (c == '\\') {
                i = command(s, i, out, plain);
                continue;
            }
            int vulgar = VULGAR_FRACTIONS.indexOf(c);
            if (vulgar >= 0) {
                // "¾ x 3/3 = 9/12": a vulgar fraction glyph is its fraction, (3/4)
                String[] nd = VULGAR_VALUES[vulgar].split("/");
                Tok whole = last(out);
                boolean mixedGlyph = whole != null
                        && whole.kind == Kind.NUM
                        && whole.norm.indexOf('.') < 0
                        && !whole.percent
                        && (whole.end == i || whole.end == i - 1 && s.charAt(i - 1) == ' ');
                if (mixedGlyph) {
                    // "2½" and "3 ½" are mixed numbers: (2 + 1/2)
                    out.remove(out.size() - 1);
                    out.add(new Tok(Kind.LP, whole.start, whole.start, "(", plain));
                    out.add(whole);
                    out.add(new Tok(Kind.OP, i, i, "+", plain));
                }
                out.add(new Tok(Kind.LP, i, i + 1, "(", plain));
                out.add(new Tok(Kind.NUM, i, i + 1, nd[0], plain));
                out.add(new Tok(Kind.OP, i, i + 1, "/", plain));
                out.add(new Tok(Kind.NUM, i, i + 1, nd[1], plain));
                out.add(new Tok(Kind.RP, i, i + 1, ")", plain));
                if (mixedGlyph) out.add(new Tok(Kind.RP, i + 1, i + 1, ")", plain));
                i++;
                continue;
            }
            if (c == '\u03c0') {
                out.add(new Tok(Kind.FUNC, i, i + 1, "\\pi", plain));
                i++;
                continue;
            }
            if (Character.isLetter(c)) {
                if (mathLike && !calc) {
                    int e = i + 1;
                    String name = String.valueOf(c);
                    if (e < n && s.charAt(e) == '_') {
                        int[] sub = subscript(s, e + 1);
                        if (sub != null) {
                            // the parser names a_{37} "a_37"; a_{k-1} is written a_{km1} so it stays one name
                            String content = s.substring(sub[0], sub[1])
                                    .replace("+", "p")
                                    .replace("-", "m")
                                    .replaceAll("[^A-Za-z0-9]", "");
                            name = name + "_" + content;
                            e = sub[2];
                        }
                    }
                    Tok v = new Tok(Kind.VAR, i, e, name, false);
                    v.sub = name.indexOf('_') > 0;
                    out.add(v);
                    i = e;
                } else {
                    int e = i;
                    while (e < n && (Character.isLetter(s.charAt(e)) || s.charAt(e) == '\'')) e++;
                    out.add(new Tok(Kind.WORD, i, e, s.substring(i, e).toLowerCase(java.util.Locale.ROOT), true));
                    i = e;
                }
                continue;
            }
            switch (c) {
                case '+' -> op(out, i, "+", plain);
                case '-', '\u2212' -> op(out, i, "-", plain);
                case '*' -> {
                    if (i + 1 < n
                            && s.charAt(i + 1) == '*'
                            && i > 0
                            && Character.isDigit(s.charAt(i - 1))
                            && i + 2 < n
                            && Character.isDigit(s.charAt(i + 2))) {
                        op(out, i, "^", plain); // "2**10": a power as programs write it, not bold
                        i++;
                    } else if (i + 1 < n && s.charAt(i + 1) == '*') {
                        sep(out, i, i + 2, "**", false);
                        i++;
                    } else {
                        op(out, i, "*", plain);
                    }
                }
                case '\u00d7', '\u22c5', '\u00b7', '\u2217' -> op(out, i, "*", plain);
                case '/', '\u00f7' -> op(out, i, "/", plain);
                case '^' -> op(out, i, "^", plain);
                case '!' -> {
                    Tok prev = last(out);
                    if (prev != null && prev.end == i && (prev.kind == Kind.NUM || prev.kind == Kind.RP)) {
                        op(out, i, "!", plain);
                    } else {
                        out.add(new Tok(Kind.PUNCT, i, i + 1, "!", plain));
                    }
                }
                case '(' -> out.add(new Tok(Kind.LP, i, i + 1, "(", plain));
                case ')' -> out.add(new Tok(Kind.RP, i, i + 1, ")", plain));
                case '[' -> {
                    Tok prev = last(out);
                    rootIndex = prev != null && prev.kind == Kind.FUNC && prev.norm.equals("\\sqrt") && prev.end == i;
                    out.add(new Tok(Kind.LP, i, i + 1, rootIndex || mathLike && !calc ? "[" : "(", plain));
                }
                case ']' -> {
                    out.add(new Tok(Kind.RP, i, i + 1, rootIndex || mathLike && !calc ? "]" : ")", plain));
                    radicandNext = rootIndex;
                    rootIndex = false;
                }
                case '{' -> {
                    boolean keep = mathLike || radicandNext || Boolean.TRUE.equals(keptBraces.peek());
                    radicandNext = false;
                    keptBraces.push(keep);
                    out.add(new Tok(Kind.LP, i, i + 1, keep ? "{" : "(", plain));
                }
                case '}' -> {
                    boolean keep = keptBraces.isEmpty() ? mathLike : keptBraces.pop();
                    out.add(new Tok(Kind.RP, i, i + 1, keep ? "}" : ")", plain));
                }
                case '=' -> {
                    int e = i + 1;
                    while (e < n && s.charAt(e) == '=') e++;
                    rel(out, i, e, Relation.EQ, plain);
                    i = e - 1;
                }
                case '<', '>' -> {
                    boolean orEq = i + 1 < n && s.charAt(i + 1) == '=';
                    Relation r = c == '<' ? (orEq ? Relation.LE : Relation.LT) : (orEq ? Relation.GE : Relation.GT);
                    rel(out, i, orEq ? i + 2 : i + 1, r, plain);
                    if (orEq) i++;
                }
                case '\u2248' -> rel(out, i, i + 1, Relation.APPROX, plain);
                case '\u2264' -> rel(out, i, i + 1, Relation.LE, plain);
                case '\u2265' -> rel(out, i, i + 1, Relation.GE, plain);
                case '\u2260' -> rel(out, i, i + 1, Relation.NE, plain);
                case '&' -> {}
                case ',', '.', ';', ':', '?' -> out.add(new Tok(Kind.PUNCT, i, i + 1, String.valueOf(c), plain));
                case '%' -> out.add(new Tok(Kind.SEP, i, i + 1, "%", plain));
                default -> sep(out, i, i + 1, String.valueOf(c), false);
            }
            i++;
        }
        return out;
    }

    /**
     * {@return whether the text writes math between dollar signs}: a {@code $} directly before a
     * LaTeX command or a letter ({@code $\\frac}, {@code $x$}); then every {@code $} is a delimiter
     * (such texts write money as {@code \\$}); otherwise {@code $} before a digit is money
     */
    private static boolean dollarMath(String s) {
        for (int i = s.indexOf('$'); i >= 0 && i + 1 < s.length(); i = s.indexOf('$', i + 1)) {
            if (i > 0 && s.charAt(i - 1) == '\\') continue;
            char c = s.charAt(i + 1);
            if (c == '\\' || Character.isLetter(c) || c == '$') return true;
        }
        return false;
    }

    private static boolean atLineStart(String s, int i) {
        for (int k = i - 1; k >= 0; k--) {
            char c = s.charAt(k);
            if (c == '\n') return true;
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }

    private static Tok last(List<Tok> out) {
        return out.isEmpty() ? null : out.get(out.size() - 1);
    }

    private static void sep(List<Tok> out, int start, int end, String what, boolean delimiter) {
        Tok t = new Tok(Kind.SEP, start, end, what, false);
        t.delimiter = delimiter;
        out.add(t);
    }

    private static void op(List<Tok> out, int i, String norm, boolean plain) {
        out.add(new Tok(Kind.OP, i, i + 1, norm, plain));
    }

    private static void rel(List<Tok> out, int start, int end, Relation r, boolean plain) {
        Tok t = new Tok(Kind.REL, start, end, r.symbol(), plain);
        t.rel = r;
        out.add(t);
    }

    /** {@return [contentStart, contentEnd, next] of a subscript at {@code i}, or null} */
    private static int[] subscript(String s, int i) {
        if (i >= s.length()) return null;
        char c = s.charAt(i);
        if (c == '{') {
            int e = matchBrace(s, i);
            return e < 0 ? null : new int[] {i + 1, e, e + 1};
        }
        if (Character.isLetterOrDigit(c)) return new int[] {i, i + 1, i + 1};
        return null;
    }

    /** {@return the index of the brace closing the one at {@code open}, or -1} */
    static int matchBrace(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return k;
        }
        return -1;
    }

    /**
     * Lexes a number at {@code i}: digits, strict thousands groups ({@code 1,234}, {@code 1{,}234},
     * {@code 1\,234}), a decimal part, then a percent sign ({@code %}, {@code \%}).
     */
    private static int number(String s, int i, List<Tok> out, boolean plain, boolean money) {
        int n = s.length();
        StringBuilder digits = new StringBuilder();
        int k = i;
        Tok before = last(out);
        if (!plain
                && before != null
                && before.kind == Kind.OP
                && before.norm.equals("^")
                && before.end == i
                && juxtaposedPowers(s, i)) {
            // LaTeX: an exponent without braces is one character ("3^25^2" is 3^2 5^2); read so only
            // when another power follows the digits ("2^16 = 65536" is written for 2^{16})
            Tok e = new Tok(Kind.NUM, i, i + 1, s.substring(i, i + 1), plain);
            e.exponent = true;
            out.add(e);
            return i + 1;
        }
        if (!plain && before != null && before.kind == Kind.NUM && before.exponent && before.end == i) {
            out.add(new Tok(Kind.OP, i, i, "*", plain)); // "3^25^2": the digits after the exponent multiply
        }
        while (k < n && Character.isDigit(s.charAt(k))) digits.append(s.charAt(k++));
        // thousands groups, only after 1-3 leading digits
        if (digits.length() >= 1 && digits.length() <= 3) {
            int lead = k;
            int groups = 0;
            while (true) {
                int g = groupAt(s, k);
                if (g < 0 || g + 3 > n || !allDigits(s, g, g + 3)) break;
                if (g + 3 < n && Character.isDigit(s.charAt(g + 3))) break;
                digits.append(s, g, g + 3);
                k = g + 3;
                groups++;
            }
            // "(28,365)": a pair in parentheses (a gcd, a point), not 28365
            if (groups == 1
                    && i > 0
                    && s.charAt(i - 1) == '('
                    && k < n
                    && s.charAt(k) == ')'
                    && s.charAt(lead) == ',') {
                digits.setLength(lead - i);
                k = lead;
            }
        }
        if (k + 1 < n && s.charAt(k) == '.' && Character.isDigit(s.charAt(k + 1))) {
            digits.append('.');
            k++;
            while (k < n && Character.isDigit(s.charAt(k))) digits.append(s.charAt(k++));
        }
        String num = digits.length() > 0 && digits.charAt(0) == '.' ? "0" + digits : digits.toString();
        boolean isMoney = money || (i > 0 && s.charAt(i - 1) == '$');
        Tok t = new Tok(Kind.NUM, i, k, num, plain);
        // percent
        int p = k;
        while (p < n && s.charAt(p) == ' ') p++;
        if (p < n && s.charAt(p) == '%') {
            t = new Tok(Kind.NUM, i, p + 1, num, plain);
            t.percent = true;
            k = p + 1;
        } else if (s.startsWith("\\%", k) || s.startsWith("\\%", p)) {
            int e = (s.startsWith("\\%", k) ? k : p) + 2;
            t = new Tok(Kind.NUM, i, e, num, plain);
            t.percent = true;
            k = e;
        }
        t.money = isMoney;
        out.add(t);
        return k;
    }

    /** {@return the index of a thousands group's first digit after a separator at {@code k}, or -1} */
    private static int groupAt(String s, int k) {
        if (s.startsWith(",\\!", k)) return k + 3; // "90,\!000" (before the plain comma)
        if (s.startsWith(", \\!", k)) return k + 4; // "111,\! 111"
        if (s.startsWith(",", k)) return k + 1;
        if (s.startsWith("{,}", k)) return k + 3;
        if (s.startsWith("\\,", k)) return k + 2;
        return -1;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) if (!Character.isDigit(s.charAt(k))) return false;
        return true;
    }

    /** Lexes a LaTeX command at {@code i} (a backslash). */
    private static int command(String s, int i, List<Tok> out, boolean plain) {
        int n = s.length();
        int e = i + 1;
        if (e >= n) {
            sep(out, i, n, "\\", false);
            return n;
        }
        String name;
        if (Character.isLetter(s.charAt(e))) {
            while (e < n && Character.isLetter(s.charAt(e))) e++;
            name = s.substring(i + 1, e);
        } else {
            name = String.valueOf(s.charAt(e));
            e++;
        }
        switch (name) {
            case "times", "cdot", "ast" -> out.add(new Tok(Kind.OP, i, e, "*", plain));
            case "div" -> out.add(new Tok(Kind.OP, i, e, "/", plain));
            case "frac", "dfrac", "tfrac" -> out.add(new Tok(Kind.FUNC, i, e, "\\frac", plain));
            case "sqrt" -> out.add(new Tok(Kind.FUNC, i, e, "\\sqrt", plain));
            case "pi" -> out.add(new Tok(Kind.FUNC, i, e, "\\pi", plain));
            case "binom", "dbinom", "tbinom" -> out.add(new Tok(Kind.FUNC, i, e, "\\binom", plain));
            // written as the parser's functions: \lfloor x \rfloor -> floor(x)
            case "lfloor" -> out.add(new Tok(Kind.LP, i, e, "floor(", plain));
            case "lceil" -> out.add(new Tok(Kind.LP, i, e, "ceil(", plain));
            case "rfloor", "rceil" -> out.add(new Tok(Kind.RP, i, e, ")", plain));
            case "approx" -> rel(out, i, e, Relation.APPROX, plain);
            case "le", "leq", "leqslant" -> rel(out, i, e, Relation.LE, plain);
            case "ge", "geq", "geqslant" -> rel(out, i, e, Relation.GE, plain);
            case "lt" -> rel(out, i, e, Relation.LT, plain);
            case "gt" -> rel(out, i, e, Relation.GT, plain);
            case "neq", "ne" -> rel(out, i, e, Relation.NE, plain);
            case "%" -> {
                Tok prev = last(out);
                if (prev != null && prev.kind == Kind.NUM && !prev.percent) {
                    prev.percent = true;
                } else {
                    sep(out, i, e, "%", false);
                }
            }
            case "circ" -> {
                Tok prev = last(out);
                if (prev != null && prev.kind == Kind.OP && prev.norm.equals("^")) {
                    prev.kind = Kind.UNIT;
                    prev.norm = "°";
                } else {
                    sep(out, i, e, "circ", false);
                }
            }
            case "text", "mathrm", "textbf", "mbox", "textit", "mathbf", "operatorname", "textrm" -> {
                if (e < n && s.charAt(e) == '{') {
                    int close = matchBrace(s, e);
                    if (close < 0) {
                        sep(out, i, n, "text", false);
                        return n;
                    }
                    String content = s.substring(e + 1, close)
                            .replace("~", " ")
                            .replace("\\,", " ")
                            .replace("\\;", " ")
                            .replace("\\ ", " ")
                            .trim()
                            .toLowerCase(java.util.Locale.ROOT);
                    if (content.isEmpty() || content.equals("\\$") || content.equals("$")) {
                        // decoration
                    } else if (content.matches("\\(?[a-z][a-z .'/-]*\\)?")) {
                        int end = close + 1;
                        // a unit's power: \text{cm}^3, \text{m}^{2}
                        if (end + 1 < n && s.charAt(end) == '^') {
                            if (Character.isDigit(s.charAt(end + 1))) end += 2;
                            else if (s.charAt(end + 1) == '{' && matchBrace(s, end + 1) > 0)
                                end = matchBrace(s, end + 1) + 1;
                        }
                        Tok t = new Tok(Kind.WORD, i, end, content, plain);
                        out.add(t);
                        return end;
                    } else {
                        sep(out, i, close + 1, "text", false);
                    }
                    return close + 1;
                }
                sep(out, i, e, name, false);
            }
            case "{", "}" -> sep(out, i, e, "\\" + name, false);
            default -> {
                if (SKIP_COMMANDS.contains(name)) {
                    // spacing or sizing: \right. also eats the dot
                    if ((name.equals("right") || name.equals("left")) && e < n && s.charAt(e) == '.') e++;
                    return e;
                }
                sep(out, i, e, name, false);
            }
        }
        return e;
    }

    // ---------------------------------------------------------------- plain-text words

    /**
     * Rewrites words by context: "of" after a fraction or percent and "times"/"x" between numbers
     * become {@code *}; "percent" after a number marks it; "about"/"approximately" after {@code =}
     * turn it into {@code ≈}; single letters next to operators become variables; a word between a
     * number and an operator is a unit.
     */
    static void rewriteWords(String text, List<Tok> toks) {
        // "$15/student", "3 eggs/person/day", "\\$12/\\text{month}": a per-unit, not a division
        for (int k = 1; k + 1 < toks.size(); k++) {
            Tok t = toks.get(k);
            Tok prev = toks.get(k - 1);
            Tok next = toks.get(k + 1);
            if (t.kind == Kind.OP
                    && t.norm.equals("/")
                    && next.kind == Kind.WORD
                    && next.start == t.end
                    // "lire/x dollars": a single letter after the slash is a variable, not a unit
                    && next.norm.length() > 1
                    && !NOT_UNITS.contains(next.norm)
                    && (prev.kind == Kind.NUM || prev.kind == Kind.WORD || prev.kind == Kind.UNIT)) {
                if (prev.kind == Kind.WORD) prev.kind = Kind.UNIT;
                t.kind = Kind.UNIT;
                next.kind = Kind.UNIT;
            }
        }
        // "7995 (total cookies) - 2595", "6 (by her brother) + 1": an annotation after a number
        for (int k = 1; k + 2 < toks.size(); k++) {
            Tok prev = toks.get(k - 1);
            if (toks.get(k).kind != Kind.LP || !(prev.kind == Kind.NUM || prev.kind == Kind.UNIT)) continue;
            if (toks.get(k).start == prev.end) continue; // "2(AC)" is a product
            int j = k + 1;
            // "22 (10 pm)", "0.20 (20 cents)": a number with its unit in parentheses restates the one before
            if (j + 1 < toks.size()
                    && toks.get(j).kind == Kind.NUM
                    && (toks.get(j + 1).kind == Kind.WORD || toks.get(j + 1).kind == Kind.UNIT)
                    && toks.get(j + 1).norm.length() > 1) {
                j++;
            }
            while (j < toks.size()
                    && (toks.get(j).kind == Kind.WORD || toks.get(j).kind == Kind.UNIT)
                    && toks.get(j).norm.length() > 1
                    && !isUpperCase(text, toks.get(j))) {
                j++;
            }
            if (j == k + 1 || j >= toks.size() || toks.get(j).kind != Kind.RP) continue;
            for (int m = k; m <= j; m++) {
                toks.get(m).kind = Kind.UNIT;
                toks.get(m).norm = "#annotation";
            }
        }
        for (int k = 0; k < toks.size(); k++) {
            Tok t = toks.get(k);
            if (t.kind != Kind.WORD) continue;
            if (t.plain
                    && k > 0
                    && toks.get(k - 1).end == t.start
                    && toks.get(k - 1).kind == Kind.NUM
                    && isUpperCase(text, t)) {
                t.kind = Kind.VAR; // "68AC": a product with unknown letters
                continue;
            }
            Tok prev = k > 0 ? toks.get(k - 1) : null;
            Tok next = k + 1 < toks.size() ? toks.get(k + 1) : null;
            String w = t.norm;
            boolean afterOperand = prev != null && (prev.kind == Kind.NUM || prev.kind == Kind.RP);
            boolean beforeOperand =
                    next != null && (next.kind == Kind.NUM || next.kind == Kind.LP || next.kind == Kind.FUNC);
            if (w.equals("of") && afterOperand && (prev.percent || endsFraction(toks, k - 1)) && beforeOperand) {
                t.kind = Kind.OP;
                t.norm = "*";
            } else if ((w.equals("times") || w.equals("x")) && afterOperand && beforeOperand) {
                t.kind = Kind.OP;
                t.norm = "*";
            } else if (w.equals("percent") && prev != null && prev.kind == Kind.NUM && !prev.percent) {
                prev.percent = true;
                t.kind = Kind.UNIT;
            } else if ((w.equals("about") || w.equals("approximately") || w.equals("roughly"))
                    && prev != null
                    && prev.kind == Kind.REL
                    && prev.rel == Relation.EQ) {
                prev.rel = Relation.APPROX;
                t.kind = Kind.UNIT;
            } else if (w.length() == 1
                    && t.plain
                    && !w.equals("a")
                    && !w.equals("i")
                    && ((prev != null && (prev.kind == Kind.OP || prev.kind == Kind.REL || prev.kind == Kind.LP))
                            || (next != null && (next.kind == Kind.OP || next.kind == Kind.REL || next.kind == Kind.RP))
                            || (prev != null && prev.kind == Kind.NUM && prev.end == t.start))) {
                t.kind = Kind.VAR;
            } else if (afterOperand
                    && !NOT_UNITS.contains(w)
                    && next != null
                    && (next.kind == Kind.OP
                            || next.kind == Kind.RP
                            || next.kind == Kind.REL
                            || next.kind == Kind.UNIT)) {
                t.kind = Kind.UNIT;
            } else if (afterOperand && !NOT_UNITS.contains(w) && next != null && next.kind == Kind.WORD) {
                // two-word unit "square feet" before an operator
                Tok next2 = k + 2 < toks.size() ? toks.get(k + 2) : null;
                if (next2 != null
                        && (next2.kind == Kind.OP || next2.kind == Kind.REL)
                        && !NOT_UNITS.contains(next.norm)) {
                    t.kind = Kind.UNIT;
                    next.kind = Kind.UNIT;
                    next.norm = w + " " + next.norm;
                    k++;
                }
            }
        }
    }

    private static boolean noSpace(String text, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    private static boolean isUpperCase(String text, Tok t) {
        for (int i = t.start; i < t.end; i++) if (!Character.isUpperCase(text.charAt(i))) return false;
        return true;
    }

    /** {@return whether the operand ending at token {@code k} is a fraction: {@code a/b} or \frac{}{}} */
    private static boolean endsFraction(List<Tok> toks, int k) {
        Tok t = toks.get(k);
        if (t.kind == Kind.NUM) {
            return k >= 2
                    && toks.get(k - 1).kind == Kind.OP
                    && toks.get(k - 1).norm.equals("/")
                    && toks.get(k - 2).kind == Kind.NUM;
        }
        if (t.kind == Kind.RP) {
            // \frac{..}{..}: walk back over two brace groups
            int depth = 0;
            int groups = 0;
            for (int j = k; j >= 0; j--) {
                Tok u = toks.get(j);
                if (u.kind == Kind.RP) depth++;
                else if (u.kind == Kind.LP) {
                    depth--;
                    if (depth == 0) {
                        groups++;
                        if (groups == 2) return j > 0 && toks.get(j - 1).norm.equals("\\frac");
                        if (j == 0 || toks.get(j - 1).kind != Kind.RP) return false;
                    }
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- chains

    private static boolean inSide(Tok t) {
        return switch (t.kind) {
            case NUM, OP, LP, RP, FUNC, VAR, UNIT -> true;
            default -> false;
        };
    }

    static List<Chain> assemble(String text, List<Tok> toks) {
        List<Chain> chains = new ArrayList<>();
        int k = 0;
        int prevFrom = -1;
        int prevTo = -1;
        while (k < toks.size()) {
            if (!inSide(toks.get(k)) && toks.get(k).kind != Kind.REL) {
                k++;
                continue;
            }
            int from = k;
            while (k < toks.size() && (inSide(toks.get(k)) || toks.get(k).kind == Kind.REL)) k++;
            // "\[ 9^3 - 8(9)^2 \] \[ = 729 - 648 \]": a display that starts with its relation continues
            // the expression that ends the display just before it
            int[] inherited = null;
            if (toks.get(from).kind == Kind.REL && prevTo >= 0 && prevTo < from) {
                boolean onlyBreaks = true;
                for (int j = prevTo; j < from && onlyBreaks; j++) {
                    Tok t = toks.get(j);
                    onlyBreaks = t.kind == Kind.SEP && (t.delimiter || t.norm.equals("\n") || t.norm.equals("\\"));
                }
                if (onlyBreaks) {
                    int a = prevFrom;
                    for (int j = prevFrom; j < prevTo; j++) if (toks.get(j).kind == Kind.REL) a = j + 1;
                    if (a < prevTo) inherited = new int[] {a, prevTo};
                }
            }
            buildChain(text, toks, from, k, inherited, chains);
            prevFrom = from;
            prevTo = k;
        }
        return chains;
    }

    private static void buildChain(String text, List<Tok> toks, int from, int to, int[] inherited, List<Chain> chains) {
        List<Relation> rels = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        int sideFrom = from;
        for (int k = from; k < to; k++) {
            if (toks.get(k).kind == Kind.REL) {
                ranges.add(new int[] {sideFrom, k});
                rels.add(toks.get(k).rel);
                sideFrom = k + 1;
            }
        }
        if (rels.isEmpty()) return;
        ranges.add(new int[] {sideFrom, to});
        if (inherited != null && ranges.get(0)[0] == ranges.get(0)[1]) ranges.set(0, inherited);
        // unbalanced outer parentheses: "(5 + 3 = 8)" -> drop the "(" and ")"
        int[] first = ranges.get(0);
        int[] lastR = ranges.get(ranges.size() - 1);
        String doubtfulStart = null;
        String doubtfulEnd = null;
        while (first[0] < first[1] && balance(toks, first[0], first[1]) > 0 && toks.get(first[0]).kind == Kind.LP) {
            first[0]++;
        }
        while (lastR[0] < lastR[1] && balance(toks, lastR[0], lastR[1]) < 0 && toks.get(lastR[1] - 1).kind == Kind.RP) {
            lastR[1]--;
        }
        List<Side> sides = new ArrayList<>();
        for (int r = 0; r < ranges.size(); r++) {
            sides.add(side(text, toks, ranges.get(r)[0], ranges.get(r)[1], r < ranges.size() - 1));
        }
        // context before the first side
        if (sides.get(0) != null) {
            doubtfulStart = contextBefore(text, toks, first[0]);
        }
        Side lastSide = sides.get(sides.size() - 1);
        if (lastSide != null) {
            doubtfulEnd = contextAfter(text, toks, lastR[1] - 1);
            // "&= \\binom40 ... \\\\ &\\qquad+ \\binom41 ...": an aligned line the next one continues
            if (doubtfulEnd == null
                    && CONTINUED_LINE
                            .matcher(text)
                            .region(toks.get(lastR[1] - 1).end, text.length())
                            .lookingAt()) {
                doubtfulEnd = "the next aligned line continues it";
            }
            int j = lastR[1];
            while (j < toks.size() && toks.get(j).kind == Kind.UNIT) j++;
            while (j < toks.size() && toks.get(j).kind == Kind.SEP && toks.get(j).delimiter) j++;
            if (j < toks.size()
                    && toks.get(j).kind == Kind.WORD
                    && !STOP_AFTER.contains(toks.get(j).norm)
                    && toks.get(lastR[1] - 1).kind == Kind.NUM) {
                Set<String> units = new HashSet<>(lastSide.units());
                units.add(toks.get(j).norm);
                lastSide = new Side(
                        lastSide.start(),
                        lastSide.end(),
                        lastSide.expr(),
                        lastSide.alternatives(),
                        lastSide.hasPercent(),
                        lastSide.decimals(),
                        lastSide.variables(),
                        units);
                sides.set(sides.size() - 1, lastSide);
            }
        }
        int nonNull = 0;
        for (Side sd : sides) if (sd != null) nonNull++;
        String label = null;
        if (sides.get(0) == null && from > 0 && toks.get(from).kind == Kind.REL) {
            int j = from - 1;
            Tok p = toks.get(j);
            if (p.kind == Kind.WORD && p.norm.matches("[a-z][a-z .'-]*")) {
                StringBuilder b = new StringBuilder(p.norm);
                int words = 1;
                for (int m = j - 1;
                        m >= 0
                                && words < 8
                                && toks.get(m).kind == Kind.WORD
                                && toks.get(m).end >= toks.get(m + 1).start - 1;
                        m--, words++) {
                    b.insert(0, toks.get(m).norm + " ");
                }
                label = b.toString();
            }
        }
        if (nonNull >= 2 || (nonNull == 1 && label != null)) {
            chains.add(new Chain(sides, rels, doubtfulStart, doubtfulEnd, label));
        }
    }

    private static int balance(List<Tok> toks, int from, int to) {
        int b = 0;
        for (int k = from; k < to; k++) {
            if (toks.get(k).kind == Kind.LP) b++;
            else if (toks.get(k).kind == Kind.RP) b--;
        }
        return b;
    }

    private static boolean hasAdditiveOrProduct(List<Tok> toks, int from, int to) {
        for (int k = from; k < to; k++) {
            Tok t = toks.get(k);
            if (t.kind == Kind.OP && !t.norm.equals("/") && !(k == from && t.norm.equals("-"))) return true;
        }
        return false;
    }

    /** {@return the side made of tokens [from, to), or null when they hold no well-formed expression} */
    static Side side(String text, List<Tok> toks, int from, int to, boolean beforeRelation) {
        // trailing units ("= 12 pounds") and leading units are not part of the value
        List<String> units = new ArrayList<>();
        while (from < to && toks.get(from).kind == Kind.UNIT) {
            if (!toks.get(from++).norm.startsWith("#")) units.add(toks.get(from - 1).norm);
        }
        boolean trailingUnit = false;
        while (to > from && toks.get(to - 1).kind == Kind.UNIT) {
            if (!toks.get(--to).norm.startsWith("#")) units.add(toks.get(to).norm);
            trailingUnit = true;
        }
        if (from >= to) return null;
        // a repeating decimal, an elided product or sum, a vector: not a value to compute
        int tail = Math.min(text.length(), toks.get(to - 1).end + 12); // "5.\\overline{05}" after the side
        int head = toks.get(from).start;
        if (unreadable(text, head, tail)) return null;
        // "\\operatorname{arccot} (-1)", "\\sec(x)": a function the parser does not know applies to the side
        if (unknownFunctionBefore(text, head)) return null;
        // "5 quarters = 5 * 25", "60 minutes = 1 hour": a number naming a quantity, not a value to check
        if (beforeRelation && trailingUnit && !hasAdditiveOrProduct(toks, from, to)) return null;
        // readings: bit 0 = percent as a bare number, bit 1 = mixed number as a product
        StringBuilder[] readings = {new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder()};
        boolean percent = false;
        boolean mixed = false;
        boolean operand = false;
        List<String> decimals = new ArrayList<>();
        Set<String> vars = new LinkedHashSet<>();
        int depth = 0;
        Tok prev = null;
        for (int k = from; k < to; k++) {
            Tok t = toks.get(k);
            String piece = null;
            switch (t.kind) {
                case UNIT -> {
                    if (!t.norm.startsWith("#") && !t.norm.startsWith("(")) units.add(t.norm);
                    continue;
                }
                case NUM -> {
                    if (prev != null && prev.kind == Kind.NUM) return null; // "1. 5" or "3 4": not one expression
                    if (prev != null && prev.kind == Kind.RP && t.plain) return null;
                    operand = true;
                    if (possiblyRounded(t)) decimals.add(t.norm);
                    int mixedEnd = t.percent ? -1 : mixedFraction(toks, k + 1, to);
                    if (t.percent) {
                        percent = true;
                        for (int r = 0; r < 4; r++) {
                            readings[r].append((r & 1) == 0 ? "(" + t.norm + "/100)" : t.norm);
                        }
                    } else if (mixedEnd > 0) {
                        mixed = true;
                        StringBuilder frac = new StringBuilder();
                        for (int j = k + 1; j < mixedEnd; j++) frac.append(toks.get(j).norm);
                        for (int r = 0; r < 4; r++) {
                            readings[r].append((r & 2) == 0 ? "(" + t.norm + "+" + frac + ")" : t.norm + frac);
                        }
                        prev = toks.get(mixedEnd - 1);
                        k = mixedEnd - 1;
                        continue;
                    } else {
                        piece = t.norm;
                    }
                }
                case VAR -> {
                    operand = true;
                    vars.add(t.norm);
                    // keep variables apart from what precedes them: "2x" -> "2 x"
                    int us = t.norm.indexOf('_');
                    piece = " " + (t.sub ? t.norm.substring(0, us) + "_{" + t.norm.substring(us + 1) + "}" : t.norm)
                            + " ";
                }
                case FUNC -> {
                    if (t.norm.equals("\\pi")) operand = true;
                    // "\pi r" must not become "\pir"; "\sqrt[3]" must stay glued
                    piece = t.norm.equals("\\pi") ? t.norm + " " : t.norm;
                }
                case LP -> {
                    depth++;
                    piece = t.norm;
                }
                case RP -> {
                    if (--depth < 0) return null;
                    piece = t.norm;
                }
                case OP -> piece = t.norm;
                default -> {
                    return null;
                }
            }
            if (piece != null) for (StringBuilder b : readings) b.append(piece);
            prev = t;
        }
        if (depth != 0 || !operand) return null;
        Tok firstTok = toks.get(from);
        Tok lastTok = toks.get(to - 1);
        if (firstTok.kind == Kind.OP && !firstTok.norm.equals("-")) return null;
        if (lastTok.kind == Kind.OP && !lastTok.norm.equals("!")) return null;
        if (lastTok.kind == Kind.FUNC && !lastTok.norm.equals("\\pi")) return null;
        List<String> alternatives = new ArrayList<>();
        for (int r = 1; r < 4; r++) {
            if (((r & 1) != 0 && !percent) || ((r & 2) != 0 && !mixed)) continue;
            alternatives.add(readings[r].toString().trim());
        }
        return new Side(
                firstTok.start,
                lastTok.end,
                readings[0].toString().trim(),
                alternatives,
                percent,
                decimals,
                vars,
                new HashSet<>(units));
    }

    /**
     * {@return whether a decimal literal may be a value the writer rounded}: two or more decimals,
     * not money, not ending in 0 or 5 (0.25, 0.125, 1.50 are exact as written; 3.33, 0.67, 1.414 are
     * typically rounded)
     */
    private static boolean possiblyRounded(Tok t) {
        int dot = t.norm.indexOf('.');
        if (dot < 0 || t.money || t.norm.length() - dot - 1 < 2) return false;
        char last = t.norm.charAt(t.norm.length() - 1);
        return last != '0' && last != '5';
    }

    /**
     * {@return the token index after a mixed number's fraction {@code \frac{a}{b}} or {@code \frac47}
     * (integers a, b) starting at {@code k} and directly after an integer, or -1}
     */
    private static int mixedFraction(List<Tok> toks, int k, int to) {
        if (k + 2 > to) return -1;
        Tok integer = toks.get(k - 1);
        if (integer.norm.indexOf('.') >= 0) return -1;
        if (!toks.get(k).norm.equals("\\frac")) return -1;
        Tok digits = toks.get(k + 1);
        if (digits.kind == Kind.NUM && digits.norm.matches("\\d\\d")) {
            // "8\frac47": an unbraced fraction of two digits
            return k + 2;
        }
        if (k + 7 > to) return -1;
        Tok a = toks.get(k + 2);
        Tok b = toks.get(k + 5);
        if (!(toks.get(k + 1).kind == Kind.LP
                && a.kind == Kind.NUM
                && toks.get(k + 3).kind == Kind.RP
                && toks.get(k + 4).kind == Kind.LP
                && b.kind == Kind.NUM
                && toks.get(k + 6).kind == Kind.RP)) {
            return -1;
        }
        if (a.norm.indexOf('.') >= 0 || b.norm.indexOf('.') >= 0) return -1;
        // "3\tfrac{4}{3}" (improper) is read both ways too: a claim is false only when neither holds
        return k + 7;
    }

    /**
     * {@return whether the delimiters strictly between tokens {@code a} and {@code b} close one
     * display ({@code \\]}, {@code $$}) and open another ({@code \\[}, {@code $$}) with space between}
     */
    private static boolean separateDisplays(List<Tok> toks, int a, int b) {
        boolean closed = false;
        for (int i = a + 1; i < b; i++) {
            Tok t = toks.get(i);
            if (t.kind != Kind.SEP || !t.delimiter) return false;
            if (!closed) {
                closed = t.norm.equals("\\]") || t.norm.equals("$$");
            } else if ((t.norm.equals("\\[") || t.norm.equals("$$")) && t.start > toks.get(i - 1).end) {
                return true;
            }
        }
        return false;
    }

    /** {@return why the side starting at token {@code k} may be cut short on the left, or null} */
    private static String contextBefore(String text, List<Tok> toks, int k) {
        Tok first = toks.get(k);
        if (first.kind == Kind.OP && first.norm.equals("-") && k > 0) {
            Kind pk = toks.get(k - 1).kind;
            if (pk == Kind.WORD || pk == Kind.UNIT || pk == Kind.VAR || pk == Kind.NUM || pk == Kind.RP) {
                return "a minus sign after '" + toks.get(k - 1).norm + "' (subtraction, not a negative number)";
            }
        }
        if (first.start > 0) {
            char before = text.charAt(first.start - 1);
            if (!Character.isWhitespace(before) && k > 0 && toks.get(k - 1).end == first.start) {
                Tok p = toks.get(k - 1);
                boolean ok = (p.kind == Kind.SEP && p.delimiter)
                        || (p.kind == Kind.LP)
                        || (p.kind == Kind.SEP && (p.norm.equals("**") || p.norm.equals("\n")));
                if (!ok) return "glued to '" + text.substring(p.start, p.end) + "' before it";
            }
        }
        // look back through math delimiters to the previous meaningful token
        int j = k - 1;
        while (j >= 0 && toks.get(j).kind == Kind.SEP && toks.get(j).delimiter) j--;
        if (j < 0) return null;
        // "\\[2B + 6 = 28\\] \\[3B = 22\\]": a display that opens after one that closed starts anew
        if (separateDisplays(toks, j, k)) return null;
        Tok p = toks.get(j);
        if (first.kind == Kind.LP
                && (p.kind == Kind.WORD || p.kind == Kind.UNIT || p.kind == Kind.VAR)
                && text.substring(p.end, first.start).isBlank()) {
            String w = text.substring(p.start, p.end).strip();
            String lastWord = w.substring(w.lastIndexOf(' ') + 1);
            if (lastWord.contains("_") || lastWord.length() == 1 && Character.isLetter(lastWord.charAt(0))) {
                // "c_v (1) = 1.30", "f (2)": the parenthesis multiplies or applies what stands before it
                return "after '" + lastWord + "' (a product or a function of it)";
            }
        }
        switch (p.kind) {
            case WORD, UNIT -> {
                // "20% of the remaining 84 = 16.8": the percent multiplies the side
                if (j > 0
                        && (toks.get(j - 1).kind == Kind.NUM
                                || toks.get(j - 1).kind == Kind.RP
                                || toks.get(j - 1).kind == Kind.OP
                                || (toks.get(j - 1).kind == Kind.SEP
                                        && toks.get(j - 1).norm.equals("%")))) {
                    // "6 \\mbox{ feet}^2 \\frac{144}{1} = 864": a quantity multiplies the side
                    return "after the quantity '" + text.substring(toks.get(j - 1).start, p.end) + "'";
                }
                String w = p.norm;
                String lastWord = w.substring(w.lastIndexOf(' ') + 1);
                if (STOP_BEFORE.contains(lastWord)) return "after the word '" + lastWord + "'";
                // "20% of the remaining 84 = 16.8": a percent or fraction multiplies the side
                for (int m = j - 1; m > 0 && m >= j - 3 && toks.get(m).kind == Kind.WORD; m--) {
                    if (toks.get(m).norm.equals("of") && (toks.get(m - 1).percent || endsFraction(toks, m - 1))) {
                        return "after '" + text.substring(toks.get(m - 1).start, p.end) + "'";
                    }
                }
                return null;
            }
            case PUNCT -> {
                if (p.norm.equals(":") || p.norm.equals(",") || p.norm.equals(".") || p.norm.equals(";")) {
                    // "3:30", "1,5", "2.5" glued around the punctuation
                    if (j > 0
                            && toks.get(j - 1).end == p.start
                            && toks.get(j - 1).kind == Kind.NUM
                            && noSpace(text, p.end, first.start)) {
                        return "after '" + text.substring(toks.get(j - 1).start, p.end) + "'";
                    }
                    if (p.norm.equals(".")
                            && j > 0
                            && toks.get(j - 1).kind == Kind.NUM
                            && toks.get(j - 1).end == p.start) {
                        // list numbering "1. " is fine; a decimal split is not possible here
                        return null;
                    }
                    return null;
                }
                return "after '" + p.norm + "'";
            }
            case SEP -> {
                if (p.norm.equals("\n") || p.norm.equals("**") || p.norm.equals(">>") || p.norm.equals("bullet")) {
                    return null;
                }
                if (SAFE_SEP_COMMANDS.contains(p.norm)) return null;
                return "after '" + p.norm + "'";
            }
            case REL -> {
                return null;
            }
            default -> {
                return "after '" + text.substring(p.start, p.end) + "'";
            }
        }
    }

    /** {@return why the side ending at token {@code k} may be cut short on the right, or null} */
    private static String contextAfter(String text, List<Tok> toks, int k) {
        Tok lastTok = toks.get(k);
        int j = k + 1;
        // units that were trimmed from the side are skipped: they end it
        while (j < toks.size() && toks.get(j).kind == Kind.UNIT) j++;
        if (j < toks.size()) {
            Tok nx = toks.get(j);
            if (nx.start == lastTok.end) {
                boolean ok = (nx.kind == Kind.SEP && nx.delimiter)
                        || nx.kind == Kind.RP
                        || (nx.kind == Kind.PUNCT
                                && (nx.norm.equals(".")
                                        || nx.norm.equals(",")
                                        || nx.norm.equals(";")
                                        || nx.norm.equals("?")
                                        || nx.norm.equals("!"))
                                && (nx.end >= text.length() || !Character.isLetterOrDigit(text.charAt(nx.end))))
                        || (nx.kind == Kind.SEP && (nx.norm.equals("\n") || nx.norm.equals("**")));
                if (!ok) return "glued to '" + text.substring(nx.start, nx.end) + "' after it";
            }
        }
        boolean gluedDelimiter = j < toks.size()
                && toks.get(j).kind == Kind.SEP
                && toks.get(j).delimiter
                && toks.get(j).start == lastTok.end;
        while (j < toks.size() && toks.get(j).kind == Kind.SEP && toks.get(j).delimiter) j++;
        if (j >= toks.size()) return null;
        Tok nx = toks.get(j);
        if (gluedDelimiter
                && !separateDisplays(toks, k, j)
                && (nx.kind == Kind.VAR
                        || nx.kind == Kind.NUM
                        || nx.kind == Kind.LP
                        || nx.kind == Kind.FUNC
                        || (nx.kind == Kind.WORD && nx.norm.length() == 1))) {
            return "the expression continues after '" + text.substring(toks.get(j - 1).start, toks.get(j - 1).end)
                    + "'";
        }
        return switch (nx.kind) {
            case WORD -> {
                String w = nx.norm;
                String firstWord = w.contains(" ") ? w.substring(0, w.indexOf(' ')) : w;
                yield STOP_AFTER.contains(firstWord) ? "before the word '" + firstWord + "'" : null;
            }
            case SEP -> {
                if (nx.norm.equals("\n") || nx.norm.equals("**") || nx.norm.equals("<<") || nx.norm.equals("bullet")) {
                    yield null;
                }
                if (SAFE_SEP_COMMANDS.contains(nx.norm)) yield null;
                yield "before '" + nx.norm + "'";
            }
            case PUNCT -> {
                if (nx.norm.equals(":") && nx.start == lastTok.end) yield "before ':'";
                if (nx.norm.equals(".")
                        && j + 1 < toks.size()
                        && toks.get(j + 1).norm.equals(".")) {
                    yield "before '...'";
                }
                yield null;
            }
            default -> null;
        };
    }
}
