package org.veristep.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and checks what a step says in words about whole numbers it writes: divisibility ("54 is
 * not divisible by 9" is false), multiples ("91 is a multiple of 7"), primality ("2018 is a prime
 * number" is false) and parity ("41 is odd"); and comparisons between two numbers it writes in
 * words ("7.5 pounds is half a pound more than 15 pounds" is false; "24 is twice 12" is true).
 *
 * <p>Only assertions are read. A sentence that asks or supposes ("check if 32 is prime", "if and
 * only if 41 is even", "whether", "suppose", "unless") is not; nor a number that is not the
 * subject ("any power of 5 greater than or equal to 2 is divisible by 25": the word before the
 * number must start a clause, such as "since", "so", a comma, the start of a sentence, or "and"
 * after something that is not a number: "the sum of 3 and 5 is even" is not about 5);
 * nor a sentence that writes the division with its remainder ("16 is divisible by 7 (16 = 7 * 2 +
 * 2)": a division meant, not divisibility). A list of divisors ("not divisible by 3 and 6") is
 * false only when every reading is: divisible by all of them for "not", by none for a positive
 * claim. Numbers of up to 18 digits; primality is decided by {@link BigInteger#isProbablePrime}
 * with certainty 64 (error below 2⁻¹²⁸). Thread-safe: stateless.
 */
final class PropertyClaims {
    private PropertyClaims() {}

    /** a whole number, possibly with thousands separators ("1,009") */
    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?![\\d])|\\d{1,18})";
    /** a subject number: not glued to a word, a decimal, a power, an operator or a clock before it */
    private static final String SUBJECT = "(?<![\\w.^{}+\\-*/=\\\\:])(?<!\\d,)" + NUM;
    /** a number ends: no decimal, power, operator, product or clock time after it */
    private static final String END = "\\b(?![.,]?\\d|:\\d|\\s*(?:[\\^*/+\\-×·!]|\\\\cdot|\\\\times|cubed\\b|squared\\b"
            + "|times\\b|factorial\\b|percent\\b|%))";

    private static final Pattern DIVISIBLE = Pattern.compile(
            SUBJECT
                    + "\\s+is\\s+(not\\s+)?(?:evenly\\s+|exactly\\s+)?(?:divisible\\s+(?:evenly\\s+)?by|a\\s+multiple\\s+of)\\s+"
                    + NUM + "((?:\\s*,\\s*\\d{1,18}){0,20}\\s*,?\\s+(?:and|or)\\s+\\d{1,18})?" + END,
            Pattern.CASE_INSENSITIVE);
    /** "prime", "odd" ... followed by the end of the statement or a noun it describes */
    private static final Pattern KIND = Pattern.compile(
            SUBJECT + "\\s+is\\s+(not\\s+)?(?:an?\\s+)?(prime|composite|even|odd)\\b"
                    + "(?=\\s*(?:$|[.,;:!?)\\]}$]|\\\\\\)|\\\\\\]|(?:numbers?|integers?|and|so|since|because|as|but|which"
                    + "|thus|hence|therefore)\\b))",
            Pattern.CASE_INSENSITIVE);

    private static final String AMOUNT = "(\\$?\\d{1,15}(?:,\\d{3})*(?:\\.\\d+)?)";
    /** a unit word after an amount, captured */
    private static final String UNIT = "(?:\\s+([a-z]+))?";

    private static final Pattern MORE_THAN = Pattern.compile(
            "(?<![\\w.^{}+\\-*/=\\\\$:])" + AMOUNT + UNIT
                    + "\\s+is\\s+(\\$?\\d{1,15}(?:\\.\\d+)?|half\\s+an?|a\\s+half|one|two"
                    + "|three|four|five|six|seven|eight|nine|ten)" + UNIT
                    + "\\s+(more|less|fewer|greater|larger|smaller|bigger|higher|lower)\\s+than\\s+" + AMOUNT + UNIT
                    + END,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIMES = Pattern.compile(
            "(?<![\\w.^{}+\\-*/=\\\\$:])" + AMOUNT + UNIT + "\\s+is\\s+(twice|double|half|three\\s+times|four\\s+times"
                    + "|five\\s+times|(\\d{1,6})\\s+times)\\s+(?:as\\s+[a-z]+\\s+as\\s+|of\\s+)?" + AMOUNT + UNIT + END,
            Pattern.CASE_INSENSITIVE);

    /**
     * Words that make a sentence a question, a supposition, a report of someone's belief or a
     * correction, or move to another base.
     */
    private static final Pattern ASKS = Pattern.compile(
            "\\b(if|iff|whether|check|checking|test|testing|determine|verify|verifying|suppose|supposing|assume|assuming"
                    + "|unless|false|wrong|wrongly|incorrect|mistake|mistaken|mistakenly|error|necessarily|would|could"
                    + "|might|should|believe|believes|believed|thought|think|misconception|claim|claims|claimed|say|says"
                    + "|said|prove|disprove|hypothetically|base|remainder|glance|seems?|appears?|looks?)\\b|\\bnot\\s+true\\b|\\bisn't\\s+true\\b|\\?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Words that may come right before a subject number; "and" only after something that is not a
     * number ("the sum of 3 and 5 is even" is not about 5).
     */
    private static final Pattern CLAUSE_START = Pattern.compile(
            "(?:^|[.,;:(\\n]|\\\\\\(|\\$|(?<![\\d.]\\s{0,3})\\band|\\b(?:since|as|because|so|thus|hence|but|that|number|integer|now|here"
                    + "|clearly|then|therefore|also|note|notice|indeed|however|while|whereas|which|obviously))\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** After a divisor: the statement ends, or a clause starts ("... by 9 when we have 12 groups"). */
    private static final Pattern DIVISOR_END = Pattern.compile(
            "\\s*(?:$|[.,;:!?()\\]}$]|\\\\\\)|\\\\\\]|(?:so|thus|hence|therefore|which|since|because|when|and|as|but)\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * {@return the property claims asserted in a step, in text order: the number as the left side,
     * the property ("divisible by 9", "prime") as the right side, TRUE or FALSE}
     */
    static List<Claim> find(String text) {
        return find(text, text.toLowerCase(Locale.ROOT));
    }

    /** As {@link #find(String)}, with the text in lower case ({@link Locale#ROOT}) given. */
    static List<Claim> find(String text, String lower) {
        List<Claim> out = new ArrayList<>();
        Asks asks = new Asks(text);
        if (!lower.contains(" is ")) return out;
        for (MatchResult m : Near.matches(DIVISIBLE, text, lower, true, 60, 450, "divisible", "multiple")) {
            if (!asserted(text, m, asks)) continue;
            if (!DIVISOR_END
                    .matcher(text)
                    .region(m.end(), Math.min(text.length(), m.end() + 20))
                    .lookingAt()) continue;
            BigInteger n = whole(m.group(1));
            boolean not = m.group(2) != null;
            List<BigInteger> divisors = new ArrayList<>();
            divisors.add(whole(m.group(3)));
            if (m.group(4) != null) {
                Matcher d = Pattern.compile("\\d{1,18}").matcher(m.group(4));
                while (d.find()) divisors.add(new BigInteger(d.group()));
            }
            if (divisors.stream().anyMatch(d -> d.signum() == 0)) continue;
            if (showsARemainder(text, m, n)) continue;
            int dividing = 0;
            for (BigInteger d : divisors) if (n.mod(d).signum() == 0) dividing++;
            boolean list = divisors.size() > 1;
            boolean holds =
                    not ? (list ? dividing < divisors.size() : dividing == 0) : (list ? dividing > 0 : dividing == 1);
            String property = (not ? "not " : "") + "divisible by " + (list ? m.group(3) + m.group(4) : m.group(3));
            String why = divisors.size() == 1
                    ? n + " = " + divisors.get(0) + " × " + n.divide(divisors.get(0)) + " + " + n.mod(divisors.get(0))
                    : n + " is divisible by " + dividing + " of " + divisors.size();
            out.add(claim(text, m, property, holds, why));
        }
        for (MatchResult m :
                Near.matches(KIND, text, lower, statesAKind(lower), 40, 30, "prime", "composite", "even", "odd")) {
            if (!asserted(text, m, asks)) continue;
            BigInteger n = whole(m.group(1));
            boolean not = m.group(2) != null;
            String kind = m.group(3).toLowerCase(Locale.ROOT);
            boolean is;
            String why;
            switch (kind) {
                case "prime", "composite" -> {
                    boolean prime = n.compareTo(BigInteger.ONE) > 0 && n.isProbablePrime(64);
                    is = kind.equals("prime") ? prime : !prime && n.compareTo(BigInteger.ONE) > 0;
                    why = prime ? n + " is prime" : n + " is not prime" + smallestFactor(n);
                }
                default -> {
                    boolean even = !n.testBit(0);
                    is = kind.equals("even") == even;
                    why = n + " is " + (even ? "even" : "odd");
                }
            }
            out.add(claim(text, m, (not ? "not " : "") + kind, is != not, why));
        }
        for (MatchResult m : Near.matches(
                MORE_THAN,
                text,
                lower,
                (lower.contains(" than ")
                        && (lower.contains("more")
                                || lower.contains("less")
                                || lower.contains("fewer")
                                || lower.contains("greater")
                                || lower.contains("larger")
                                || lower.contains("smaller")
                                || lower.contains("bigger")
                                || lower.contains("higher")
                                || lower.contains("lower"))),
                90,
                50,
                " than ")) {
            if (!asserted(text, m, asks) || !sameUnits(m, 1, 2, 3, 4, 6, 7)) continue;
            BigDecimal a = amount(m.group(1));
            BigDecimal by = amount(m.group(3));
            BigDecimal b = amount(m.group(6));
            String dir = m.group(5).toLowerCase(Locale.ROOT);
            boolean up = Set.of("more", "greater", "larger", "bigger", "higher").contains(dir);
            BigDecimal want = up ? b.add(by) : b.subtract(by);
            out.add(claim(
                    text,
                    m,
                    afterIs(m),
                    a.compareTo(want) == 0,
                    (up ? b + " + " + by : b + " − " + by) + " = "
                            + want.stripTrailingZeros().toPlainString()));
        }
        for (MatchResult m :
                Near.matches(TIMES, text, lower, true, 40, 60, "is twice", "is double", "is half", " times ")) {
            if (!asserted(text, m, asks) || !sameUnits(m, 1, 2, -1, -1, 5, 6)) continue;
            BigDecimal a = amount(m.group(1));
            BigDecimal b = amount(m.group(5));
            String w = m.group(3).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            BigDecimal f =
                    switch (w) {
                        case "twice", "double" -> BigDecimal.valueOf(2);
                        case "half" -> new BigDecimal("0.5");
                        case "three times" -> BigDecimal.valueOf(3);
                        case "four times" -> BigDecimal.valueOf(4);
                        case "five times" -> BigDecimal.valueOf(5);
                        default -> new BigDecimal(m.group(4));
                    };
            BigDecimal want = b.multiply(f);
            out.add(claim(
                    text,
                    m,
                    afterIs(m),
                    a.compareTo(want) == 0,
                    f.stripTrailingZeros().toPlainString() + " × " + b + " = "
                            + want.stripTrailingZeros().toPlainString()));
        }
        out.sort((a, b) -> Integer.compare(a.leftStart(), b.leftStart()));
        return out;
    }

    /** {@return the words after "is": "half a pound more than 15 pounds"} */
    private static String afterIs(MatchResult m) {
        String all = m.group();
        int k = all.toLowerCase(Locale.ROOT).indexOf(" is ");
        return all.substring(k + 4).strip();
    }

    private static final Set<String> NOT_UNITS =
            Set.of("time", "percent", "squared", "cubed", "factorial", "power", "to", "of");

    /**
     * {@return whether the amounts of a comparison are in one unit: every unit written ("$" counts
     * as dollars) is the same, and none is a word that changes the number ("3 times", "50 percent",
     * "5 squared"); "90 minutes is 30 minutes more than 1 hour" is not read}
     */
    private static boolean sameUnits(MatchResult m, int a, int aUnit, int by, int byUnit, int b, int bUnit) {
        Set<String> units = new java.util.HashSet<>();
        int[][] pairs = {{a, aUnit}, {by, byUnit}, {b, bUnit}};
        for (int[] p : pairs) {
            if (p[0] < 0) continue;
            String amount = m.group(p[0]);
            String word = m.group(p[1]);
            if (word != null) {
                String w = FactClaims.stem(word);
                if (NOT_UNITS.contains(w)) return false;
                units.add(w);
            }
            if (amount.startsWith("$")) units.add("dollar");
        }
        return units.size() <= 1;
    }

    /** {@return the value of "$1,200", "7.5", "half a", "three"} */
    private static final List<String> KINDS = List.of("prime", "composite", "even", "odd");

    /** {@return whether "is prime", "is not an odd" ... occurs (a cheap test before the pattern)} */
    private static boolean statesAKind(String lower) {
        for (int i = lower.indexOf("is "); i >= 0; i = lower.indexOf("is ", i + 1)) {
            int j = i + 3;
            if (lower.startsWith("not ", j)) j += 4;
            if (lower.startsWith("a ", j)) j += 2;
            else if (lower.startsWith("an ", j)) j += 3;
            for (String k : KINDS) if (lower.startsWith(k, j)) return true;
        }
        return false;
    }

    private static BigInteger whole(String s) {
        return new BigInteger(s.replace(",", ""));
    }

    private static BigDecimal amount(String s) {
        String w = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (w.startsWith("half") || w.equals("a half")) return new BigDecimal("0.5");
        int k = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
                .indexOf(w);
        if (k >= 0) return BigDecimal.valueOf(k);
        return new BigDecimal(w.replace("$", "").replace(",", ""));
    }

    private static Claim claim(String text, MatchResult m, String property, boolean holds, String why) {
        return new Claim(
                m.start(1),
                m.end(1),
                m.end(1),
                m.end(),
                m.group(1),
                Relation.IS,
                property,
                holds ? Claim.Status.TRUE : Claim.Status.FALSE,
                m.group(1),
                null,
                holds ? "holds: " + why : "false: " + why);
    }

    /**
     * Where the question and supposition words of a text are, found once and only when a claim
     * needs them: each claim then looks them up in its sentence by binary search, so the check stays
     * linear in the text however many claims it holds.
     */
    private static final class Asks {
        private final String text;
        private int[] at;

        Asks(String text) {
            this.text = text;
        }

        /** {@return whether an ASKS word starts in [from, to)} */
        boolean within(int from, int to) {
            if (at == null)
                at = ASKS.matcher(text)
                        .results()
                        .mapToInt(java.util.regex.MatchResult::start)
                        .toArray();
            int k = java.util.Arrays.binarySearch(at, from);
            int first = k >= 0 ? k : -k - 1;
            return first < at.length && at[first] < to;
        }
    }

    /** {@return whether the match is asserted: its number starts a clause and its sentence neither asks nor supposes} */
    private static boolean asserted(String text, MatchResult m, Asks asks) {
        int s = m.start(1);
        int from = Math.max(0, s - 40);
        if (!CLAUSE_START.matcher(text.substring(from, s)).find()) return false;
        int sentence = Sentences.start(text, s);
        if (asks.within(sentence, m.end())) return false;
        // "So 91 is prime? Let's check": a question mark later in the sentence
        int end = Sentences.end(text, Math.max(m.start(), m.end() - 1));
        for (int i = m.end(); i < end; i++) if (text.charAt(i) == '?') return false;
        return true;
    }

    /** {@return whether the sentence writes n = d × q + r with r ≠ 0 (a division with remainder)} */
    private static boolean showsARemainder(String text, MatchResult m, BigInteger n) {
        Pattern p =
                Pattern.compile("\\b" + n + "\\s*=\\s*\\d+\\s*(?:\\*|×|x|\\\\times|\\\\cdot)\\s*\\d+\\s*\\+\\s*[1-9]");
        int from = Sentences.start(text, m.start());
        int to = Sentences.end(text, m.end());
        return p.matcher(text).region(from, to).find();
    }

    private static String smallestFactor(BigInteger n) {
        if (n.compareTo(BigInteger.TWO) < 0) return "";
        for (long p = 2; p < 1_000_000 && BigInteger.valueOf(p * p).compareTo(n) <= 0; p++) {
            if (n.mod(BigInteger.valueOf(p)).signum() == 0)
                return " (" + n + " = " + p + " × " + n.divide(BigInteger.valueOf(p)) + ")";
        }
        return "";
    }
}
