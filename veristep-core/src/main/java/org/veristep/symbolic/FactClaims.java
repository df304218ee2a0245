package org.veristep.symbolic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds and checks the fixed facts of calendars and units that a step states in words: "There are
 * 30 days in March" (false: 31), "an hour has 60 minutes", "1 foot = 12 inches", "February has 29
 * days" (true: leap years). These are claims like any other, and the ones word problems get wrong.
 *
 * <p>Only statements of a fact are read, never quantities of a story: "there are N A in a B", "a B
 * has / contains / is / equals N A", "1 B = N A", "<month> has N days", "there are N days in
 * <month>". "She practises 20 minutes in a day" is not a fact and is not read. Conventions that
 * vary are not read: days or weeks in an unnamed month, days or weeks in a year (months and years
 * are a calendar apart from days and weeks). A negation or supposition in the sentence ("there are
 * not 30 days in April", "if there are ...") leaves the claim unchecked.
 *
 * <p>Units and factors: time (second, minute, hour, day, week, fortnight), calendar (12 months a
 * year, 10 years a decade, 100 a century), US length (inch, foot, yard, mile), metric
 * length (millimetre, centimetre, metre, kilometre), mass (ounce, pound; gram, kilogram), volume
 * (cup, pint, quart, gallon; millilitre, litre), money (cent, dollar), counts (dozen, gross, score
 * as "N in a dozen"); how often "quarterly", "monthly", "weekly", "semiannually", "annually" happen
 * in a year ("quarterly, which means three times a year" is false); the hours from midnight to a
 * whole-hour clock time ("11:00 PM is 11 hours past midnight" is false: 23). Thread-safe:
 * stateless.
 */
final class FactClaims {
    private FactClaims() {}

    /** A unit: its dimension and its size in the dimension's smallest unit. */
    private record Unit(String dimension, long size) {}

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("second", new Unit("time", 1)),
            Map.entry("minute", new Unit("time", 60)),
            Map.entry("hour", new Unit("time", 3600)),
            Map.entry("day", new Unit("time", 86_400)),
            Map.entry("week", new Unit("time", 604_800)),
            Map.entry("fortnight", new Unit("time", 1_209_600)),
            Map.entry("month", new Unit("calendar", 1)),
            Map.entry("year", new Unit("calendar", 12)),
            Map.entry("decade", new Unit("calendar", 120)),
            Map.entry("century", new Unit("calendar", 1200)),
            Map.entry("inch", new Unit("us-length", 1)),
            Map.entry("foot", new Unit("us-length", 12)),
            Map.entry("yard", new Unit("us-length", 36)),
            Map.entry("mile", new Unit("us-length", 63_360)),
            Map.entry("millimeter", new Unit("length", 1)),
            Map.entry("centimeter", new Unit("length", 10)),
            Map.entry("meter", new Unit("length", 1000)),
            Map.entry("kilometer", new Unit("length", 1_000_000)),
            Map.entry("ounce", new Unit("us-mass", 1)),
            Map.entry("pound", new Unit("us-mass", 16)),
            Map.entry("gram", new Unit("mass", 1)),
            Map.entry("kilogram", new Unit("mass", 1000)),
            Map.entry("cup", new Unit("us-volume", 1)),
            Map.entry("pint", new Unit("us-volume", 2)),
            Map.entry("quart", new Unit("us-volume", 4)),
            Map.entry("gallon", new Unit("us-volume", 16)),
            Map.entry("milliliter", new Unit("volume", 1)),
            Map.entry("liter", new Unit("volume", 1000)),
            Map.entry("cent", new Unit("money", 1)),
            Map.entry("dollar", new Unit("money", 100)),
            Map.entry("item", new Unit("count", 1)),
            Map.entry("dozen", new Unit("count", 12)),
            Map.entry("gross", new Unit("count", 144)));

    private static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static final String UNIT_WORD = "(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?"
            + "|century|centuries|inch(?:es)?|foot|feet|yards?|miles?|(?:milli|centi|kilo)?met(?:er|re)s?"
            + "|ounces?|pounds?|(?:kilo)?grams?|cups?|pints?|quarts?|gallons?|(?:milli)?lit(?:er|re)s?"
            + "|cents?|dollars?|items?|things?|eggs?|dozens?|gross)";
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)";
    private static final String ONE = "(?:a|an|one|1|each|every|per)";
    private static final String MONTH =
            "(january|february|march|april|may|june|july|august|september|october|november" + "|december)";

    /** After the unit: words that make "a week has 5 days of school" a story, not a fact. */
    private static final String NOT_A_STORY =
            "(?!\\s+(?:of|off|left|remaining|at|for|to|per|each|in\\s+which|when|where)\\b)";
    /** "there are 60 minutes in an hour", "there are 30 days in March" */
    private static final Pattern THERE_ARE = Pattern.compile(
            "\\bthere(?:\\s+are|\\s+is|'re|\\s+were)\\s+(?:exactly\\s+|only\\s+)?" + NUMBER + "\\s+" + UNIT_WORD
                    + NOT_A_STORY + "\\s+in\\s+(?:" + ONE + "\\s+" + UNIT_WORD + "|(?:the\\s+month\\s+of\\s+)?" + MONTH
                    + ")\\b",
            Pattern.CASE_INSENSITIVE);
    /** "an hour has 60 minutes", "1 foot = 12 inches", "a dozen equals 12 eggs" */
    private static final Pattern ONE_HAS = Pattern.compile(
            "(?<![\\w.,=+*/-])(?<![=+*/-]\\s)(?:a|an|one|1|each|every)\\s+" + UNIT_WORD
                    + "\\s+(?:has|contains|equals|is\\s+equal\\s+to|=|consists\\s+of)\\s+" + NUMBER + "\\s+"
                    + UNIT_WORD + "\\b" + NOT_A_STORY,
            Pattern.CASE_INSENSITIVE);
    /** "March has 30 days" */
    private static final Pattern MONTH_HAS = Pattern.compile(
            "\\b" + MONTH + "\\s+(?:has|had|contains)\\s+(?:exactly\\s+|only\\s+)?" + NUMBER + "\\s+days\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String COUNT = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|twenty-four|twenty-six|fifty-two)";
    /** "quarterly, which means three times a year" */
    private static final Pattern FREQUENCY = Pattern.compile(
            "(?<![\\w-])(quarterly|monthly|weekly|semi-?annually|annually|yearly)\\b(?!-)\\s*,?\\s*(?:which\\s+(?:means|is)"
                    + "|that\\s+is|i\\.e\\.,?|or|meaning|so)?\\s*,?\\s*" + COUNT
                    + "\\s+times?\\s+(?:a|per|each|every|in\\s+a|in\\s+one)\\s+year\\b",
            Pattern.CASE_INSENSITIVE);
    /** "11:00 PM is 11 hours past midnight" */
    private static final Pattern CLOCK = Pattern.compile(
            "\\b(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?\\s+is\\s+" + NUMBER
                    + "\\s+hours?\\s+(?:past|after)\\s+midnight\\b",
            Pattern.CASE_INSENSITIVE);

    /** "half a dozen plates means 6/2 = 3": the number a dozen or half a dozen comes to */
    private static final Pattern DOZEN = Pattern.compile(
            "\\b(half\\s+a|a|one)\\s+dozen\\s+(?:([a-z]+)\\s+)?(?:means|is|equals|=)\\s+(?:[\\d\\s+\\-*/×÷().]*=\\s*)?"
                    + "(\\d+)\\b(?![.,]?\\d|\\s*[-+*/×÷%])",
            Pattern.CASE_INSENSITIVE);
    /** "a nickel is worth $0.10", "each dime is worth 10 cents" */
    private static final Pattern COIN = Pattern.compile(
            "\\b(?:a|one|each)\\s+(penny|nickel|dime|quarter)\\s+(is\\s+worth|is|equals|=|worth)\\s+"
                    + "(?:\\$\\s?(\\d*\\.\\d+|\\d+)(?![\\d.,]*\\s*(?:cents?|¢))|(\\d+)\\s*(?:cents?|¢))",
            Pattern.CASE_INSENSITIVE);

    /** "two nickels are worth $0.10 (10 cents) each": the value of each of several coins. */
    private static final Pattern COINS_EACH = Pattern.compile(
            "\\b(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|both)\\s+(pennies|nickels|dimes|quarters)\\s+"
                    + "(are\\s+worth|are|worth)\\s+(?:\\$\\s?(\\d*\\.\\d+|\\d+)(?![\\d.,]*\\s*(?:cents?|¢))|(\\d+)\\s*(?:cents?|¢))"
                    + "\\s*(?:\\([^)]*\\)\\s*)?each\\b",
            Pattern.CASE_INSENSITIVE);

    /** Words that make a sentence deny, suppose, report or correct a statement, or leave Earth's units. */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(not|n't|never|no|if|suppose|supposing|assuming|assume|said|says|claim|claims|claimed|wrongly"
                    + "|mistakenly|incorrect|incorrectly|wrong|but|wait|actually|believe|believes|thought|hypothetically"
                    + "|imagine|planet|troy|daylight|fictional)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * {@return the fact claims stated in a step, in text order: each with the fact ("days in March")
     * and its value as the left side, the number written as the right side, TRUE or FALSE, or
     * UNCHECKED when the sentence negates or supposes it}
     *
     * @param text the step's text
     * @param problem the problem's text, or null: a unit the problem defines with the number written
     *     ("a day on Zog lasts 20 hours") is not checked against Earth's
     */
    static List<Claim> find(String text, String problem) {
        return find(text, text.toLowerCase(Locale.ROOT), problem);
    }

    /** As {@link #find(String, String)}, with the text in lower case ({@link Locale#ROOT}) given. */
    static List<Claim> find(String text, String lower, String problem) {
        List<Claim> out = new ArrayList<>();
        // each pattern runs only where its key words are (the verifier reads every step of a trace;
        // StepVerifier calls this only for a step with a digit or "times", which every pattern needs)
        for (MatchResult m :
                Near.matches(THERE_ARE, text, lower, lower.contains("there") && hasUnitWord(lower), 0, 120, "there")) {
            if (!Sentences.endsCleanly(text, m.end())) continue;
            if (m.group(4) != null) {
                month(text, m, 1, 4, out);
            } else {
                convert(text, problem, m, 1, 2, 3, out);
            }
        }
        boolean oneHas = (lower.contains(" has ")
                        || lower.contains("=")
                        || lower.contains("equal")
                        || lower.contains("contain")
                        || lower.contains("consists"))
                && oneUnit(lower);
        for (MatchResult m :
                Near.matches(ONE_HAS, text, lower, oneHas, 30, 100, " has ", "=", "equal", "contain", "consists")) {
            if (Sentences.endsCleanly(text, m.end())) convert(text, problem, m, 2, 3, 1, out);
        }
        for (MatchResult m :
                Near.matches(MONTH_HAS, text, lower, lower.contains(" days") && hasUnitWord(lower), 40, 10, " days")) {
            if (Sentences.endsCleanly(text, m.end())) month(text, m, 2, 1, out);
        }
        for (MatchResult m : Near.matches(FREQUENCY, text, lower, lower.contains("ly"), 110, 30, "times")) {
            if (!Sentences.endsCleanly(text, m.end())) continue;
            String how = m.group(1).toLowerCase(Locale.ROOT).replace("-", "");
            long perYear =
                    switch (how) {
                        case "quarterly" -> 4;
                        case "monthly" -> 12;
                        case "weekly" -> 52;
                        case "semiannually" -> 2;
                        default -> 1;
                    };
            BigDecimal n = count(m.group(2));
            if (n != null)
                add(
                        text,
                        m,
                        2,
                        "times a year, " + m.group(1).toLowerCase(Locale.ROOT),
                        n,
                        List.of(BigDecimal.valueOf(perYear)),
                        out);
        }
        for (MatchResult m : Near.matches(DOZEN, text, lower, true, 12, 120, "dozen")) {
            // "half a dozen plates means 6/2 = 3 plates": a noun after "dozen" must come back after the
            // number; without one the number must end the statement ("a dozen pairs is 24 socks",
            // "a dozen is 4 more than 8" are not read)
            String noun = m.group(2);
            boolean clean = noun == null
                    ? Sentences.endsCleanly(text, m.end())
                    : text.regionMatches(true, skipSpaces(text, m.end()), noun, 0, noun.length());
            if (!clean || noun != null && noun.equalsIgnoreCase("dozen")) continue;
            boolean half = m.group(1).toLowerCase(Locale.ROOT).startsWith("half");
            BigDecimal n = number(m.group(3));
            String what = half ? "half a dozen" : "a dozen";
            if (n != null) add(text, m, 3, "the number in " + what, n, List.of(BigDecimal.valueOf(half ? 6 : 12)), out);
        }
        List<MatchResult> coins =
                new ArrayList<>(Near.matches(COIN, text, lower, true, 10, 40, "penny", "nickel", "dime", "quarter"));
        coins.addAll(Near.matches(COINS_EACH, text, lower, true, 12, 60, "pennies", "nickels", "dimes", "quarters"));
        for (MatchResult m : coins) {
            String coin = m.group(1).toLowerCase(Locale.ROOT);
            coin = coin.equals("pennies") ? "penny" : coin.endsWith("s") ? coin.substring(0, coin.length() - 1) : coin;
            // "one quarter is $50" is a quarter of something; only "a quarter is worth ..." is the coin
            if (coin.equals("quarter") && !m.group(2).toLowerCase(Locale.ROOT).contains("worth")) continue;
            if (!Sentences.endsCleanly(text, m.end())) continue;
            long cents =
                    switch (coin) {
                        case "penny" -> 1;
                        case "nickel" -> 5;
                        case "dime" -> 10;
                        default -> 25;
                    };
            if (m.group(3) != null) {
                BigDecimal dollars = number(m.group(3));
                if (dollars == null) continue;
                add(text, m, 3, "dollars in a " + coin, dollars, List.of(BigDecimal.valueOf(cents, 2)), out);
            } else {
                BigDecimal n = number(m.group(4));
                if (n != null) add(text, m, 4, "cents in a " + coin, n, List.of(BigDecimal.valueOf(cents)), out);
            }
        }
        for (MatchResult m : Near.matches(CLOCK, text, lower, true, 50, 10, "midnight")) {
            if (!Sentences.endsCleanly(text, m.end())) continue;
            int h = Integer.parseInt(m.group(1));
            int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (h < 1 || h > 12 || min > 59) continue;
            boolean pm = m.group(3).equalsIgnoreCase("p");
            BigDecimal hours = BigDecimal.valueOf((h % 12 + (pm ? 12 : 0)) * 60L + min)
                    .divide(BigDecimal.valueOf(60), 6, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            BigDecimal n = number(m.group(4));
            if (n == null) continue;
            boolean exactHours = hours.scale() <= 0;
            if (!exactHours) continue; // "2:30 PM is 14.5 hours": leave fractions of an hour to the arithmetic
            String clock = h + (m.group(2) == null ? "" : ":" + m.group(2)) + (pm ? " PM" : " AM");
            add(text, m, 4, "hours from midnight to " + clock, n, List.of(hours), out);
        }
        boolean yearParts = lower.contains("of the year")
                && !OTHER_YEARS.matcher(text).find()
                && (problem == null || !OTHER_YEARS.matcher(problem).find());
        for (MatchResult m : Near.matches(YEAR_PARTS, text, lower, yearParts, 200, 20, "of the year")) {
            // "the first 180 days and the remaining 85 days of the year": the two parts make a year
            BigDecimal first = number(m.group(1));
            BigDecimal rest = number(m.group(2));
            if (first == null || rest == null) continue;
            List<BigDecimal> left = List.of(
                    BigDecimal.valueOf(365).subtract(first),
                    BigDecimal.valueOf(366).subtract(first));
            add(text, m, 2, "days of the year after the first " + m.group(1), rest, left, out);
        }
        out.sort((a, b) -> Integer.compare(a.leftStart(), b.leftStart()));
        return out;
    }

    /**
     * "the first 180 days ... the remaining 85 days of the year": a calendar year cut in two parts
     * within one sentence (days only: months and weeks are too often counted from a start date).
     */
    private static final Pattern YEAR_PARTS = Pattern.compile(
            "\\bfirst\\s+(\\d{1,3})\\s+days\\b[^.?!;]{0,120}?\\bremaining\\s+(\\d{1,3})\\s+days\\s+of\\s+the\\s+year\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A year that is not a calendar year from January 1: a start date, a working, school or fiscal
     * year, another planet, or a year of some other number of days.
     */
    private static final Pattern OTHER_YEARS = Pattern.compile(
            "\\b(january|february|march|april|june|july|august|september|october|november|december|working|work"
                    + "|works|business|school|fiscal|academic|planet|open|membership|vacation|except|leap)\\b"
                    + "|\\b(?!36[56]\\b)\\d+\\s*(?:-\\s*)?days?\\s+(?:a|per|in\\s+a|each)\\s+year\\b"
                    + "|\\byear\\s+(?:has|of)\\s+(?!36[56]\\b)\\d+\\s+days\\b",
            Pattern.CASE_INSENSITIVE);

    /** Unit and month words as they start in running text (lower case, after a space). */
    private static final List<String> UNIT_STARTS = List.of(
            " second",
            " minute",
            " hour",
            " day",
            " week",
            " fortnight",
            " month",
            " year",
            " decade",
            " centur",
            " inch",
            " foot",
            " feet",
            " yard",
            " mile",
            " meter",
            " metre",
            " milli",
            " centi",
            " kilo",
            " ounce",
            " pound",
            " gram",
            " cup",
            " pint",
            " quart",
            " gallon",
            " liter",
            " litre",
            " cent",
            " dollar",
            " dozen",
            " gross",
            " item",
            " thing",
            " egg",
            " january",
            " february",
            " march",
            " april",
            " may",
            " june",
            " july",
            " august",
            " september",
            " october",
            " november",
            " december");

    /** The unit and month words by their first letter, for one pass over a text. */
    private static final List<List<String>> UNITS_BY_LETTER = byLetter();

    private static List<List<String>> byLetter() {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < 26; c++) out.add(new ArrayList<>());
        for (String u : UNIT_STARTS) out.get(u.charAt(1) - 'a').add(u.substring(1));
        return out;
    }

    /** {@return whether a lower-case text holds a unit or month word (a cheap test before the patterns)} */
    private static boolean hasUnitWord(String lower) {
        for (int i = 1; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 'a' || c > 'z' || lower.charAt(i - 1) != ' ') continue;
            for (String u : UNITS_BY_LETTER.get(c - 'a')) if (lower.startsWith(u, i)) return true;
        }
        return false;
    }

    private static final List<String> ONE_WORDS = List.of(" a ", " an ", " one ", " 1 ", " each ", " every ");

    /** {@return whether a unit word follows "a", "an", "one", "1", "each" or "every" somewhere} */
    private static boolean oneUnit(String text) {
        String lower = " " + text; // a statement may open the step
        for (String w : ONE_WORDS) {
            for (int i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
                int k = i + w.length();
                char c = k < lower.length() ? lower.charAt(k) : ' ';
                if (c < 'a' || c > 'z') continue;
                for (String u : UNITS_BY_LETTER.get(c - 'a')) if (lower.startsWith(u, k)) return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    /** A conversion "N smalls in one big". */
    private static void convert(
            String text,
            String problem,
            MatchResult m,
            int numberGroup,
            int smallGroup,
            int bigGroup,
            List<Claim> out) {
        String smallWord = m.group(smallGroup);
        String bigWord = m.group(bigGroup);
        Unit small = unit(smallWord);
        Unit big = unit(bigWord);
        BigDecimal n = number(m.group(numberGroup));
        if (n == null) return;
        // "a dozen is 12 eggs": a count of anything is a count
        if (big != null && big.dimension().equals("count") && small == null) small = UNITS.get("item");
        if (small == null || big == null || !small.dimension().equals(big.dimension())) return;
        if (small.size() >= big.size()) return; // "1 hour = 60 minutes" read the other way round: not a fact claim
        if (big.size() % small.size() != 0) return;
        if (problem != null
                && Pattern.compile(
                                "(?<![\\d.,])" + Pattern.quote(m.group(numberGroup)) + "(?:\\s+|\\s*-\\s*)"
                                        + Pattern.quote(stem(smallWord)),
                                Pattern.CASE_INSENSITIVE)
                        .matcher(problem)
                        .find()) {
            return; // the problem states this number of these units itself
        }
        String fact = stem(smallWord) + "s in a " + stem(bigWord);
        add(text, m, numberGroup, fact, n, List.of(BigDecimal.valueOf(big.size() / small.size())), out);
    }

    /** "N days in March". */
    private static void month(String text, MatchResult m, int numberGroup, int monthGroup, List<Claim> out) {
        BigDecimal n = number(m.group(numberGroup));
        // only a length a month could have is a claim about the calendar ("12 days in March" is a story)
        if (n == null || n.compareTo(BigDecimal.valueOf(28)) < 0 || n.compareTo(BigDecimal.valueOf(31)) > 0) return;
        int k = MONTHS.indexOf(m.group(monthGroup).toLowerCase(Locale.ROOT));
        String name = Character.toUpperCase(m.group(monthGroup).charAt(0))
                + m.group(monthGroup).substring(1).toLowerCase(Locale.ROOT);
        List<BigDecimal> right = k == 1
                ? List.of(BigDecimal.valueOf(28), BigDecimal.valueOf(29))
                : List.of(BigDecimal.valueOf(MONTH_DAYS[k]));
        add(text, m, numberGroup, "days in " + name, n, right, out);
    }

    private static void add(
            String text,
            MatchResult m,
            int numberGroup,
            String fact,
            BigDecimal n,
            List<BigDecimal> rightValues,
            List<Claim> out) {
        int ls = m.start(numberGroup);
        int le = m.end(numberGroup);
        boolean holds = false;
        for (BigDecimal v : rightValues) holds |= n.compareTo(v) == 0;
        String shown = rightValues.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(" or "));
        Claim.Status status;
        String reason;
        if (holds) {
            status = Claim.Status.TRUE;
            reason = "a fact: " + fact + " " + shown;
        } else if (Sentences.sentenceHas(text, m.start(), m.end(), NEGATION)) {
            status = Claim.Status.UNCHECKED;
            reason = "the sentence negates or supposes it";
        } else {
            status = Claim.Status.FALSE;
            reason = fact + ": " + shown + ", not " + n.toPlainString();
        }
        // like an arithmetic claim: the left side is what is right (the fact and its value), the
        // right side the number written
        out.add(new Claim(
                m.start(),
                m.end(),
                ls,
                le,
                fact,
                Relation.EQ,
                m.group(numberGroup),
                status,
                shown,
                n.stripTrailingZeros().toPlainString(),
                reason));
    }

    private static final List<String> COUNT_WORDS = List.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    private static BigDecimal count(String s) {
        String w = s.toLowerCase(Locale.ROOT);
        int k = COUNT_WORDS.indexOf(w);
        if (k >= 0) return BigDecimal.valueOf(k);
        return switch (w) {
            case "twenty-four" -> BigDecimal.valueOf(24);
            case "twenty-six" -> BigDecimal.valueOf(26);
            case "fifty-two" -> BigDecimal.valueOf(52);
            default -> number(s);
        };
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Unit unit(String word) {
        return UNITS.get(stem(word));
    }

    /** {@return the singular, US-spelled form of a unit word: "feet" → "foot", "metres" → "meter"} */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("feet")) return "foot";
        if (w.equals("centuries")) return "century";
        if (w.equals("inches")) return "inch";
        if (w.equals("things") || w.equals("eggs") || w.equals("items")) return "item";
        if (w.equals("thing") || w.equals("egg")) return "item";
        w = w.replace("metre", "meter").replace("litre", "liter");
        if (w.endsWith("s") && !w.equals("gross")) w = w.substring(0, w.length() - 1);
        return w;
    }
}
