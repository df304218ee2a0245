package org.veristep.symbolic;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veristep.math.BigRational;
import org.veristep.math.Value;

/**
 * The bases and moduli a trace works in, named in its problem, its earlier steps or the step at
 * hand: a claim false in decimal integers may be true there. "In binary, 101 + 11 = 1000", "Working
 * modulo 7: 27 = 6 = -1", "On a 12-hour clock, 8 + 6 = 2", "Wednesday is day 3, and 3 + 30 = 33 = 5"
 * (a week) are not errors.
 *
 * <p>Named bases: "base b" (2 to 9), "binary", "octal", a numeral with a base subscript ({@code
 * 101_2}). Named moduli: "mod m", "modulo m", {@code \pmod{m}}, {@code \bmod m}, {@code Z_m},
 * {@code Z/mZ}, "remainder ... divided by m", "units digit" (10); a clock (12 and 24, for whole hours
 * up to 24 on the right), minutes past the hour (60), days of the week (7). A claim is explained when its two sides are whole numbers that differ by a
 * multiple of a named modulus, or when it holds with its numerals read in a named base (on both
 * sides, or on one: a conversion). A clock counts in the step or when the problem names one, the
 * days of a week in the claim's sentence or when the problem asks for a day of the week (a problem
 * about Monday's sales does not work modulo 7). One instance per trace,
 * fed in text order; not thread-safe.
 *
 * <p>Also a notation the problem defines ("a * b = 2a + 5b - ab", "Let \\boxed{N} mean ...") and,
 * when the problem asks for a base ("In what base does 44 × 55 = 3506?"), a claim made only of the
 * problem's numerals.
 */
final class OtherArithmetic {
    private static final Pattern BASE = Pattern.compile(
            "\\bbase[-\\s]*(\\d{1,2})\\b|\\b(binary)\\b|\\b(octal)\\b|\\d_\\{?(\\d{1,2})\\}?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MODULUS = Pattern.compile(
            "\\bmod(?:ulo)?\\s*\\(?\\s*(\\d{1,9})|\\\\[pb]?mod\\s*\\{?\\s*(\\d{1,9})|\\bZ\\s*_\\s*\\{?(\\d{1,9})"
                    + "|\\bZ\\s*/\\s*(\\d{1,9})\\s*Z|\\\\mathbb\\s*\\{?Z\\}?\\s*_\\s*\\{?(\\d{1,9})"
                    + "|\\b(?:division|dividing|divided)\\s+by\\s+(\\d{1,9})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REMAINDER = Pattern.compile("\\bremainders?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK = Pattern.compile(
            "\\b(?:clock|o'clock|[ap]\\.m\\.|[ap]m)\\b|\\d:\\d\\d|\\b(past the (?:next )?hour)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEK = Pattern.compile(
            "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day of the week|weekday)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A text that works with last digits only: modulo 10. */
    private static final Pattern UNITS_DIGIT =
            Pattern.compile("\\b(?:units|ones|last|final)\\s+digits?\\b", Pattern.CASE_INSENSITIVE);
    /** A problem that asks for a day of the week or names a clock: its trace counts modulo 7 or 12/24. */
    private static final Pattern WEEK_QUESTION =
            Pattern.compile("\\b(?:day of the week|what day|which day)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern CLOCK_NAMED = Pattern.compile("\\bclock\\b", Pattern.CASE_INSENSITIVE);

    private final Set<Integer> bases = new HashSet<>();
    private final Set<BigInteger> moduli = new HashSet<>();
    private boolean clock;

    /**
     * Texts added but not read yet: they are read only when a claim needs them (most steps hold no
     * false-looking claim, and the verifier reads every step of every trace).
     */
    private final java.util.ArrayList<String> unread = new java.util.ArrayList<>();

    private String problem;

    /** The step last read by {@link #explains} (compared by identity), and what it names. */
    private String stepRead;

    private Set<Integer> stepBases;
    private Set<BigInteger> stepModuli;
    private boolean stepClock;

    /** Adds the bases and moduli a text names (the problem, or a step once it is verified). */
    void add(String text) {
        if (text != null) unread.add(text);
    }

    /** Adds what the problem names: also a day-of-the-week question (modulo 7) and a clock. */
    void addProblem(String problem) {
        this.problem = problem;
    }

    /** Reads the texts added since the last call. */
    private void catchUp() {
        if (problem != null) {
            readProblem(problem);
            problem = null;
        }
        for (String t : unread) read(t, bases, moduli);
        unread.clear();
    }

    private void readProblem(String problem) {
        read(problem, bases, moduli);
        String lower = problem.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("day") && WEEK_QUESTION.matcher(problem).find()) moduli.add(BigInteger.valueOf(7));
        clock |= lower.contains("clock");
        // an operation is defined with a symbol or in words ("let", "define", "denote")
        boolean defines = problem.indexOf('*') >= 0
                || problem.indexOf('@') >= 0
                || problem.indexOf('\\') >= 0
                || lower.contains("let")
                || lower.contains("defin")
                || lower.contains("denot");
        Matcher d = DEFINED.matcher(defines ? problem : "");
        while (d.find()) defined.add(d.group(1) != null ? d.group(1) : d.group(2));
        if (lower.contains("base") && UNKNOWN_BASE.matcher(problem).find()) {
            Matcher n = NUMERAL.matcher(problem);
            while (n.find()) problemNumerals.add(n.group());
        }
    }

    /**
     * An operation or notation the problem defines ("a * b = 2a + 5b - ab", "Let \\boxed{N} mean the
     * number of divisors"): the symbol, as written.
     */
    private static final Pattern DEFINED = Pattern.compile(
            "[A-Za-z]\\s*(\\*|\\\\ast|\\\\star|\\\\otimes|\\\\oplus|\\\\odot|\\\\diamond|\\\\triangle|\\\\nabla"
                    + "|\\\\circ|\\\\#|\\\\&|\\\\clubsuit|\\\\spadesuit|\\\\heartsuit|\\\\diamondsuit|\\\\bowtie|\\\\dagger"
                    + "|\\\\S|@)\\s*[A-Za-z]\\s*(?:=|\\\\text|is|as|denote)"
                    + "|(?:let|define|denote)\\s+\\$?\\s*(\\\\boxed|\\\\lfloor|\\\\lceil|\\[|\\{)",
            Pattern.CASE_INSENSITIVE);
    /** A base named by a letter ("In what base does 44 × 55 = 3506?"): the problem's numerals may be in it. */
    private static final Pattern UNKNOWN_BASE =
            Pattern.compile("\\b(?:base\\s*\\$?\\s*[a-z]\\b|what\\s+base|which\\s+base)", Pattern.CASE_INSENSITIVE);

    private final Set<String> defined = new HashSet<>();
    private final Set<String> problemNumerals = new HashSet<>();

    /**
     * {@return a reason when the claim holds in a base or modulus named in the trace so far or in
     * {@code stepText}, else null}
     */
    String explains(String stepText, Side l, Value lv, Side r, Value rv, SideEvaluator eval) {
        catchUp();
        // the symbol may stand just before the side: "\\boxed{11} = 2"
        String written = stepText.substring(Math.max(0, l.start() - 8), l.end()) + " "
                + stepText.substring(Math.max(0, r.start() - 8), r.end());
        for (String op : defined) {
            if (written.contains(op)) return "uses " + op + ", which the problem defines";
        }
        if (!problemNumerals.isEmpty()) {
            // every numeral of the claim is one of the problem's, which may be written in an unknown base
            Matcher n = NUMERAL.matcher(l.expr() + " " + r.expr());
            boolean all = true;
            boolean any = false;
            while (n.find()) {
                any = true;
                all &= problemNumerals.contains(n.group());
            }
            if (any && all) return "the problem's numerals, in a base it asks for";
        }
        if (stepText != stepRead) {
            // the step's own bases and moduli, read once per step
            stepRead = stepText;
            stepBases = new HashSet<>(bases);
            stepModuli = new HashSet<>(moduli);
            read(stepText, stepBases, stepModuli);
            stepClock = clock || clockIn(stepText);
        }
        Set<Integer> b = stepBases;
        Set<BigInteger> m = stepModuli;
        // a clock or the days of a week: only in the step itself, in the claim's sentence
        boolean hours = stepClock;
        if ((stepText.contains("day") || stepText.contains("Day"))
                && Sentences.sentenceHas(stepText, l.start(), r.end(), WEEK)) {
            m = new HashSet<>(m);
            m.add(BigInteger.valueOf(7));
        }
        if (Sentences.sentenceHas(stepText, l.start(), r.end(), WEEK)) m.add(BigInteger.valueOf(7));
        for (int base : b) {
            // "34 + 12 = 101" in base 5, or a conversion "13 = 1101" (base 2 on one side)
            String lb = rebase(l.expr(), base);
            String rb = rebase(r.expr(), base);
            String[][] readings = {{lb, rb}, {lb, r.expr()}, {l.expr(), rb}};
            for (String[] pair : readings) {
                if (pair[0] == null || pair[1] == null) continue;
                Value a = eval.value(pair[0], java.util.Map.of());
                Value c = eval.value(pair[1], java.util.Map.of());
                if (a instanceof Value.Exact x
                        && c instanceof Value.Exact y
                        && x.value().compareTo(y.value()) == 0) {
                    return "holds in base " + base;
                }
            }
        }
        if (!(lv instanceof Value.Exact x) || !(rv instanceof Value.Exact y)) return null;
        BigRational d = x.value().subtract(y.value());
        if (!d.denominator().equals(BigInteger.ONE)) return null;
        for (BigInteger n : m) {
            if (n.signum() > 0 && d.numerator().mod(n).signum() == 0) return "holds modulo " + n;
        }
        // the hours of a clock ("10 + 5 = 3"), not the degrees of its hands
        if (hours
                && y.value().signum() >= 0
                && y.value().compareTo(BigRational.of(24, 1)) <= 0
                && x.value().compareTo(BigRational.of(48, 1)) <= 0) {
            for (long n : new long[] {12, 24}) {
                if (d.numerator().mod(BigInteger.valueOf(n)).signum() == 0)
                    return "holds on a clock (modulo " + n + ")";
            }
        }
        return null;
    }

    private static boolean clockIn(String text) {
        Matcher c = CLOCK.matcher(text);
        while (c.find()) if (c.group(1) == null) return true;
        return false;
    }

    private static void read(String text, Set<Integer> bases, Set<BigInteger> moduli) {
        // each pattern runs only on a text with its key letters (the verifier reads many texts)
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        boolean based =
                lower.contains("base") || lower.contains("binary") || lower.contains("octal") || text.indexOf('_') >= 0;
        boolean modular =
                lower.contains("mod") || lower.contains("divi") || text.indexOf('Z') >= 0 || text.indexOf('z') >= 0;
        Matcher b = BASE.matcher(based ? text : "");
        while (b.find()) {
            int base = b.group(1) != null
                    ? Integer.parseInt(b.group(1))
                    : b.group(2) != null ? 2 : b.group(3) != null ? 8 : Integer.parseInt(b.group(4));
            if (base >= 2 && base < 10) bases.add(base);
        }
        boolean remainder = modular && REMAINDER.matcher(text).find();
        Matcher m = MODULUS.matcher(modular ? text : "");
        while (m.find()) {
            if (m.group(6) != null && !remainder) continue; // "divided by 7" names a modulus only for a remainder
            for (int g = 1; g <= 6; g++) {
                if (m.group(g) != null) moduli.add(new BigInteger(m.group(g)));
            }
        }
        if (lower.contains("past the")) {
            Matcher c = CLOCK.matcher(text);
            while (c.find()) if (c.group(1) != null) moduli.add(BigInteger.valueOf(60));
        }
        if (lower.contains("digit") && UNITS_DIGIT.matcher(text).find()) moduli.add(BigInteger.TEN);
    }

    private static final Pattern NUMERAL = Pattern.compile("(?<![\\d.])\\d+(?![\\d.])");

    /**
     * {@return the expression with every whole numeral read in {@code base} and written in decimal,
     * or null when a numeral has a digit outside the base or the expression a decimal point}
     */
    private static String rebase(String expr, int base) {
        if (expr.indexOf('.') >= 0) return null;
        Matcher m = NUMERAL.matcher(expr);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            for (char c : m.group().toCharArray()) if (c - '0' >= base) return null;
            m.appendReplacement(out, new BigInteger(m.group(), base).toString());
            any = true;
        }
        if (!any) return null;
        m.appendTail(out);
        return out.toString();
    }
}
