package org.veristep.symbolic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and checks a step's quotes of the problem's givens. Each is a claim that is false when the
 * step misquotes the problem:
 *
 * <ul>
 *   <li>a unit price: "If they charge $5.00 per blouse, $6.00 per skirt and $8.00 per pair of
 *       pants", then "1 skirt x $8.00/skirt" ($8.00 is the problem's price of another item);
 *   <li>a percent of a named group: "30% of the watermelons were ready for harvest", then "20% of
 *       the 120 watermelons are ready for harvest";
 *   <li>a total for several items quoted as the price of one: "spent $20.25 on 3 tickets", then
 *       "Each ticket costs $20.25";
 *   <li>several of an item the problem names once by a specific name: "a 2010 penny", then "two
 *       2010 pennies";
 *   <li>a number the problem gives in one dimension quoted in another: "The shore was 64 seconds
 *       away", then "row 64 feet".
 * </ul>
 *
 * <p>Read only when the quote is certain: a price only when the problem gives each of at least two
 * items one price and does not change prices (next month, tax, sale, extra ...), and the step's
 * price for one item is the problem's price of another, written once in the problem; a percent
 * only when the problem gives the group one percent, does not ask for or change percents, the step
 * says the same thing of it (a content word in common: "ready") and does not work the percent out,
 * and the percent is neither the complement nor a number of the problem; a total only when its
 * amount is written once in the problem; several items only when the problem does not multiply,
 * repeat or plan, never counts the item, and the step does not speak of each or all; a dimension
 * only for numbers above 12 (not 24, 60, 100), not worked out by "=", and with no rate in either
 * unit in the problem or the step. Sentences that suppose, compare or change the amount ("if",
 * "instead", "remaining", "more", "discount" ...) are not read. The problem is read once per trace
 * ({@link Givens}). Thread-safe: stateless (a {@link Givens} belongs to one trace).
 */
final class ProblemQuotes {
    private ProblemQuotes() {}

    private static final String AMOUNT = "(\\d{1,7}(?:,\\d{3})*(?:\\.\\d+)?)";

    private static final Pattern PRICE = Pattern.compile(
            "\\$\\s?" + AMOUNT + "\\s*(?:per|/)\\s*(?:pair of\\s+|pound of\\s+)?([a-z]+)", Pattern.CASE_INSENSITIVE);

    private static final Pattern PERCENT = Pattern.compile(
            "(?<![\\w.])" + AMOUNT
                    + "\\s*(?:\\\\?%|\\s+percent)\\s+of\\s+(?:the|her|his|their|all)\\s+(?:\\d[\\d,]*\\s+)?"
                    + "((?:[a-z]+\\s+){0,2}?[a-z]+)\\s+(?=were|are|was|is|will|had|have|has)"
                    + "((?:[a-z]+[ ,]*){1,6})",
            Pattern.CASE_INSENSITIVE);

    /** Words of a sentence that make its numbers a supposition, a comparison or a changed amount. */
    private static final Pattern CHANGED = Pattern.compile(
            "\\b(if|suppose|assume|instead|discount\\w*|sale|new|increase\\w*|decrease\\w*|raise\\w*|after|more|less"
                    + "|fewer|extra|additional|total|average|combined|would|could|remaining|rest|other|left|not|another"
                    + "|each|every|then|now|later|next|with|tax)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w])");

    private static final Set<String> FILLER = Set.of(
            "were", "are", "was", "is", "will", "had", "have", "has", "been", "the", "for", "and", "that", "them",
            "they", "then", "with", "from", "this", "into", "so");

    /**
     * {@return the false quotes of the problem's prices and percents in a step (status false), or
     * none}
     *
     * @param lower {@code text} in lower case (same length)
     * @param problem the problem's text, or null
     */
    static List<Claim> find(String text, String lower, String problem) {
        return find(text, lower, new Givens(problem));
    }

    /** As {@link #find(String, String, String)}, with the problem's givens of the trace. */
    static List<Claim> find(String text, String lower, Givens givens) {
        String problem = givens.problem;
        if (problem == null) return List.of();
        boolean dollars = text.indexOf('$') >= 0 && problem.indexOf('$') >= 0;
        boolean percents = (text.indexOf('%') >= 0 || lower.contains("percent"))
                && (problem.indexOf('%') >= 0 || problem.contains("percent"));
        List<Claim> out = new ArrayList<>();
        if (dollars) {
            if (givens.prices()) prices(text, problem, out);
            if (givens.totals()) totals(text, lower, problem, out);
        }
        if (percents && givens.percents()) percents(text, problem, out);
        if (countOf(lower) && givens.counts() || numberBeforeWord(text, 3, 4) && givens.countsOfYears()) {
            counts(text, problem, out);
        }
        if (numberBeforeWord(text, 2, Integer.MAX_VALUE) && givens.units()) units(text, problem, givens, out);
        if (out.size() > 1) out.sort((a, b) -> Integer.compare(a.leftStart(), b.leftStart()));
        return out;
    }

    /**
     * {@return whether a text (lower case) may count a named item: "N X of ..." with a number or a
     * number word N before the word X before " of "}
     */
    private static boolean countOf(String lower) {
        for (int p = lower.indexOf(" of "); p >= 0; p = lower.indexOf(" of ", p + 1)) {
            int x = p;
            while (x > 0 && Character.isLetter(lower.charAt(x - 1))) x--;
            if (x == p || x < 2 || lower.charAt(x - 1) != ' ') continue;
            int n = x - 1;
            int e = n;
            while (n > 0 && Character.isLetterOrDigit(lower.charAt(n - 1))) n--;
            String count = lower.substring(n, e);
            if (!count.isEmpty() && (Character.isDigit(count.charAt(0)) || COUNT_WORDS.contains(count))) return true;
        }
        return false;
    }

    /**
     * {@return whether a text has a whole number of {@code min} to {@code max} digits followed by a
     * space and a letter ("2010 pennies", "64 feet")}: a cheap test before the patterns
     */
    private static boolean numberBeforeWord(String text, int min, int max) {
        int digits = 0;
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else {
                if (digits >= min && digits <= max && c == ' ' && Character.isLetter(text.charAt(i + 1))) {
                    return true;
                }
                digits = 0;
            }
        }
        return false;
    }

    /**
     * What one problem gives that a step may quote, found once per trace: each check of a step
     * first asks whether the problem has anything of its kind (most problems have none of most).
     * Not thread-safe: one instance per trace.
     */
    static final class Givens {
        final String problem;
        private Boolean prices;
        private Boolean totals;
        private Boolean percents;
        private Boolean counts;
        private Boolean countsOfYears;
        /** the problem's numbers with a unit of measure: their dimensions, and the quantity as written */
        private Map<BigDecimal, Set<String>> dims;

        private Map<BigDecimal, String> shown;

        Givens(String problem) {
            this.problem = problem;
        }

        boolean prices() {
            if (prices == null) {
                Set<String> items = new HashSet<>();
                for (Matcher m = PRICE.matcher(problem); m.find(); ) items.add(item(m.group(2)));
                prices = items.size() >= 2 && !PRICE_CHANGES.matcher(problem).find();
            }
            return prices;
        }

        boolean totals() {
            if (totals == null) totals = TOTAL.matcher(problem).find();
            return totals;
        }

        boolean percents() {
            if (percents == null) {
                percents = PERCENT.matcher(problem).find()
                        && !ASKS_PERCENT.matcher(problem).find()
                        && !PERCENT_CHANGES.matcher(problem).find();
            }
            return percents;
        }

        /** Whether the problem names an item once as "a pack of grape gum" (and does not multiply). */
        boolean counts() {
            if (counts == null) named();
            return counts;
        }

        /** Whether the problem names an item once as "a 2010 penny". */
        boolean countsOfYears() {
            if (countsOfYears == null) named();
            return countsOfYears;
        }

        private void named() {
            counts = false;
            countsOfYears = false;
            String lowerProblem = problem.toLowerCase(Locale.ROOT);
            if (MULTIPLIES.matcher(problem).find()) return;
            countsOfYears = YEAR_NAMED.matcher(problem).find();
            for (MatchResult m :
                    Near.matches(ONE_NAMED, problem, lowerProblem, lowerProblem.contains(" of "), 30, 40, " of ")) {
                if (!Character.isDigit(m.group(1).charAt(0))) counts = true;
            }
        }

        boolean units() {
            if (dims == null) {
                dims = new HashMap<>();
                shown = new HashMap<>();
                for (Matcher m = QUANTITY.matcher(problem); m.find(); ) {
                    BigDecimal v = quantity(m.group(1));
                    dims.computeIfAbsent(v, k -> new HashSet<>())
                            .add(DIMENSION.get(m.group(2).toLowerCase(Locale.ROOT)));
                    shown.putIfAbsent(v, m.group());
                }
            }
            return !dims.isEmpty();
        }
    }

    private static final String COUNT = "(\\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final List<String> COUNT_WORDS = List.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    private static int count(String s) {
        int k = COUNT_WORDS.indexOf(s.toLowerCase(Locale.ROOT));
        return k >= 0 ? k : Integer.parseInt(s);
    }

    /** Words of a sentence that suppose or change the amounts (narrower than {@link #CHANGED}). */
    private static final Pattern SUPPOSED = Pattern.compile(
            "\\b(if|suppose|assume|assuming|instead|discount\\w*|sale|new|increase\\w*|decrease\\w*|after"
                    + "|more|less|extra|additional|then|now|later)\\b|\\?",
            Pattern.CASE_INSENSITIVE);

    /** "$20.25 on 3 tickets": a total for several items. */
    private static final Pattern TOTAL = Pattern.compile(
            "\\$\\s?" + AMOUNT + "\\s+(?:on|for)\\s+" + COUNT + "\\s+(?:[a-z]+\\s+)?([a-z]+s)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A total the problem gives for several items ("Three friends spent $20.25 on 3 tickets") quoted
     * as the price of one ("Each ticket costs $20.25", "$20.25 per ticket").
     */
    private static void totals(String text, String lower, String problem, List<Claim> out) {
        if (!lower.contains("each") && !lower.contains("per") && text.indexOf('/') < 0) return;
        Matcher m = TOTAL.matcher(problem);
        String plain = null;
        while (m.find()) {
            if (count(m.group(2)) < 2) continue;
            // the same amount elsewhere in the problem ("$20.25 per ticket" for another show) may be a price
            if (occurrences(problem, "$" + m.group(1)) + occurrences(problem, "$ " + m.group(1)) > 1) continue;
            if (plain == null) plain = text.replace("\\$", "$");
            String item = Pattern.quote(item(m.group(3)));
            String amount = Pattern.quote(m.group(1));
            Pattern each = Pattern.compile(
                    "\\beach\\s+" + item + "s?\\s+(?:costs?|is|was)\\s+\\$\\s?(" + amount
                            + ")(?![\\d.]|\\s*[-+*/×÷]|\\s*\\\\)|(?<![=≈]\\s?)\\$\\s?(" + amount
                            + ")\\s*(?:per|/|for each|for one)\\s*" + item + "\\b",
                    Pattern.CASE_INSENSITIVE);
            Matcher s = each.matcher(plain);
            while (s.find()) {
                int g = s.group(1) != null ? 1 : 2;
                if (Sentences.sentenceHas(plain, s.start(), s.end(), SUPPOSED)) continue;
                out.add(misquote(
                        s.start(g),
                        s.end(g),
                        s.start(),
                        s.end(),
                        "$" + s.group(g),
                        "the price of one " + item(m.group(3)),
                        s.group(g),
                        null,
                        "the problem gives $" + m.group(1) + " for " + m.group(2) + " " + m.group(3)
                                + ", not for one"));
            }
        }
    }

    /**
     * One item the problem names with a specific name ("a 2010 penny", "a pack of grape gum"):
     * a year or model number before the noun, or "X of Y".
     */
    private static final Pattern ONE_NAMED = Pattern.compile(
            "\\b(?:a|an|one)\\s+(\\d{3,4}\\s+[a-z]+|[a-z]+\\s+of\\s+[a-z]+\\s+[a-z]+)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern YEAR_NAMED =
            Pattern.compile("\\b(?:a|an|one)\\s+\\d{3,4}\\s+[a-z]+\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern MANY_NAMED = Pattern.compile(
            "(?<![\\w.$])" + COUNT + "\\s+(\\d{3,4}\\s+[a-z]+|[a-z]+\\s+of\\s+[a-z]+\\s+[a-z]+)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Several of an item the problem names once, by a specific name, and never counts: "Since there
     * are two 2010 pennies" when the problem has "a 2010 penny". Givens has read the problem: it
     * names such an item and does not multiply.
     */
    private static void counts(String text, String problem, List<Claim> out) {
        if (!MANY_NAMED.matcher(text).find()) return;
        Set<String> once = new HashSet<>();
        Matcher m = ONE_NAMED.matcher(problem);
        while (m.find()) {
            // "an ounce of M&M" is a measure, not an item
            if (DIMENSION.containsKey(m.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0])) continue;
            once.add(phrase(m.group(1)));
        }
        if (once.isEmpty()) return;
        Matcher c = MANY_NAMED.matcher(problem);
        while (c.find()) once.remove(phrase(c.group(2)));
        Matcher s = MANY_NAMED.matcher(text);
        while (s.find()) {
            if (count(s.group(1)) < 2 || !once.contains(phrase(s.group(2)))) continue;
            // "How many packs of grape gum can she buy", "each pack of grape gum": the problem counts it
            String head = s.group(2).toLowerCase(Locale.ROOT).split("\\s+")[0];
            String lowerProblem = problem.toLowerCase(Locale.ROOT);
            if (lowerProblem.contains("how many " + head)
                    || lowerProblem.matches("(?s).*\\b(?:each|every|per)\\s+"
                            + Pattern.quote(s.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) + ".*")) {
                continue;
            }
            if (Sentences.sentenceHas(text, s.start(), s.end(), SUPPOSED)
                    || Sentences.sentenceHas(text, s.start(), s.end(), EACH)) {
                continue;
            }
            out.add(misquote(
                    s.start(1),
                    s.end(1),
                    s.start(2),
                    s.end(2),
                    s.group(1),
                    "the number of " + s.group(2),
                    s.group(1),
                    "1",
                    "the problem names one " + phrase(s.group(2)) + " and never more"));
        }
    }

    /** A problem that multiplies, repeats or plans: several of one item may be meant. */
    private static final Pattern MULTIPLIES = Pattern.compile(
            "\\b(would|will|plans?|planned|tomorrow|twice|times|more|later|next|again|another|double|triple)\\b",
            Pattern.CASE_INSENSITIVE);

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            int end = i + what.length();
            if (end >= text.length() || !Character.isDigit(text.charAt(end)) && text.charAt(end) != '.') n++;
            else if (text.charAt(end) == '.' && (end + 1 >= text.length() || !Character.isDigit(text.charAt(end + 1))))
                n++;
        }
        return n;
    }

    /** Several named items said of a group: "each of", "both", "all". */
    private static final Pattern EACH =
            Pattern.compile("\\b(?:each|every|any)\\s+(?:one\\s+)?of\\b|\\b(?:both|all)\\b", Pattern.CASE_INSENSITIVE);

    /** {@return a phrase for comparison: lower case, each word without a plural ending} */
    private static String phrase(String words) {
        StringBuilder b = new StringBuilder();
        for (String w : words.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (b.length() > 0) b.append(' ');
            b.append(w.endsWith("ies") && w.length() > 4 ? w.substring(0, w.length() - 3) + "y" : item(w));
        }
        return b.toString();
    }

    /** Units of time, length, mass and volume, each with its dimension. */
    private static final Map<String, String> DIMENSION = dimensions();

    /** {@return the dimension of a unit word ("minutes": "time"), or null when it is not one} */
    static String dimension(String unit) {
        return DIMENSION.get(unit.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> dimensions() {
        Map<String, String> d = new HashMap<>();
        for (String u :
                "second seconds minute minutes hour hours day days week weeks month months year years".split(" ")) {
            d.put(u, "time");
        }
        for (String u : "foot feet inch inches yard yards mile miles meter meters metre metres kilometer kilometers"
                .split(" ")) {
            d.put(u, "length");
        }
        for (String u : "pound pounds ounce ounces gram grams kilogram kilograms".split(" ")) d.put(u, "mass");
        for (String u : "liter liters litre litres gallon gallons quart quarts cup cups".split(" ")) d.put(u, "volume");
        return Map.copyOf(d);
    }

    // numbers in digits only: words name numbers up to 12, which are not compared
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\w.$])(\\d{2,7}(?:\\.\\d+)?)\\s+("
                    + String.join(
                            "|",
                            DIMENSION.keySet().stream()
                                    .sorted((a, b) -> b.length() - a.length())
                                    .toList()) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    /** Numbers small or round enough to recur with another meaning: not read as quotes. */
    private static final Set<BigDecimal> COMMON =
            Set.of(BigDecimal.valueOf(12), BigDecimal.valueOf(24), BigDecimal.valueOf(60), BigDecimal.valueOf(100));

    /**
     * A number the problem gives in one dimension only ("The shore was 64 seconds away") quoted in
     * another ("row 64 feet (the distance to the shore)"). Not read for numbers up to 12 and other
     * common ones, a number that a calculation gives ("= 180 cups"), nor in a step with a rate ("1 cup
     * of dog food per day" turns 180 days into 180 cups) or a supposition.
     */
    private static void units(String text, String problem, Givens givens, List<Claim> out) {
        boolean candidate = false;
        for (Matcher c = QUANTITY.matcher(text); c.find() && !candidate; ) {
            BigDecimal v = quantity(c.group(1));
            candidate = v.compareTo(BigDecimal.valueOf(12)) > 0 && !COMMON.contains(v);
        }
        if (!candidate || RATE.matcher(text).find()) return;
        Map<BigDecimal, Set<String>> dims = givens.dims;
        Map<BigDecimal, String> shown = givens.shown;
        Map<String, Boolean> rates = new HashMap<>();
        Matcher s = QUANTITY.matcher(text);
        while (s.find()) {
            BigDecimal v = quantity(s.group(1));
            Set<String> given = dims.get(v);
            if (given == null || given.size() != 1 || v.compareTo(BigDecimal.valueOf(12)) <= 0 || COMMON.contains(v)) {
                continue;
            }
            String dim = DIMENSION.get(s.group(2).toLowerCase(Locale.ROOT));
            if (given.contains(dim)) continue;
            String before = text.substring(Math.max(0, s.start() - 4), s.start());
            if (before.contains("=")) continue;
            // "60 miles per hour", "1 gallon each minute", "a mile a minute": a rate in either
            // dimension may carry the number over (each pair of dimensions is looked up once)
            String other = given.iterator().next();
            Boolean rate = rates.get(dim + "/" + other);
            if (rate == null) {
                rate = rateIn(problem, dim, other) || rateIn(text, dim, other);
                rates.put(dim + "/" + other, rate);
            }
            if (rate) continue;
            out.add(misquote(
                    s.start(1),
                    s.end(1),
                    s.start(2),
                    s.end(2),
                    s.group(),
                    "the problem's " + shown.get(v),
                    s.group(1),
                    null,
                    "the problem gives " + shown.get(v) + ", a "
                            + given.iterator().next() + ", not a " + dim));
        }
    }

    private static final Pattern PER_UNIT = Pattern.compile(
            "\\b(?:per|each|every|an?|for every|for each)\\s+([a-z]+)\\b|\\b(mph|mpg|kph|km/h)\\b",
            Pattern.CASE_INSENSITIVE);

    /** {@return whether a text writes a rate per a unit of either dimension ("per hour", "a minute", "mph")} */
    private static boolean rateIn(String text, String dim1, String dim2) {
        Matcher m = PER_UNIT.matcher(text);
        while (m.find()) {
            if (m.group(2) != null) return true;
            String d = DIMENSION.get(m.group(1).toLowerCase(Locale.ROOT));
            if (dim1.equals(d) || dim2.equals(d)) return true;
        }
        return false;
    }

    /** A rate or a supposition in the sentence: the number may carry over to another unit. */
    private static final Pattern RATE = Pattern.compile(
            "\\b(per|each|every|rate|speed|pace|if|suppose|assume|would|could|instead)\\b|/|\\?",
            Pattern.CASE_INSENSITIVE);

    private static BigDecimal quantity(String s) {
        int k = COUNT_WORDS.indexOf(s.toLowerCase(Locale.ROOT));
        return k >= 0 ? BigDecimal.valueOf(k) : new BigDecimal(s).stripTrailingZeros();
    }

    /** A problem that changes its prices (over time, with tax, on sale): a step's new price is no quote. */
    private static final Pattern PRICE_CHANGES = Pattern.compile(
            "\\b(ris(?:e|es|ing)|rose|increas\\w*|decreas\\w*|go(?:es)? up|went up|go(?:es)? down|tax\\w*|discount\\w*|sale"
                    + "|half price|\\d\\s*%\\s+off|next|later|raise\\w*|drop(?:s|ped|ping)?\\b(?!-)|cheaper|more expensive|inflation|instead"
                    + "|extra|premium|surcharge|fee|coupon|percentage points?|this year|last year|new|special)\\b"
                    + "|\\$\\s?\\d[\\d.,]*\\s+off\\b",
            Pattern.CASE_INSENSITIVE);

    private static void prices(String text, String problem, List<Claim> out) {
        // Givens.prices() has read the problem: two priced items or more, no price changes
        if (!PRICE.matcher(text.replace("\\$", "$")).find()) return;
        Map<String, Set<BigDecimal>> byItem = new HashMap<>();
        Map<BigDecimal, Set<String>> byPrice = new HashMap<>();
        Set<String> compound = new HashSet<>();
        Map<String, String> shown = new HashMap<>();
        Matcher m = PRICE.matcher(problem);
        while (m.find()) {
            String item = item(m.group(2));
            BigDecimal price = amount(m.group(1));
            // "$1.50 per student per session": a price of two things at once
            if (problem.startsWith(" per ", m.end()) || problem.startsWith(" for ", m.end())) compound.add(item);
            byItem.computeIfAbsent(item, k -> new HashSet<>()).add(price);
            byPrice.computeIfAbsent(price, k -> new HashSet<>()).add(item);
            shown.putIfAbsent(item, problem.substring(m.start(2), m.end(2)));
        }
        if (byItem.size() < 2) return;
        String plain = text.replace("\\$", "$");
        Matcher s = PRICE.matcher(plain);
        while (s.find()) {
            String item = item(s.group(2));
            Set<BigDecimal> given = byItem.get(item);
            if (given == null || given.size() != 1 || compound.contains(item)) continue;
            BigDecimal price = amount(s.group(1));
            BigDecimal right = given.iterator().next();
            Set<String> others = byPrice.get(price);
            if (right.compareTo(price) == 0 || others == null || others.contains(item)) continue;
            // "Jane's blouse is a premium one that costs $6.00": the amount also prices something else
            if (occurrences(problem, "$" + s.group(1)) + occurrences(problem, "$ " + s.group(1)) > 1) continue;
            if (others.stream().anyMatch(compound::contains)) continue;
            if (Sentences.sentenceHas(plain, s.start(), s.end(), CHANGED)
                    || RESULT_BEFORE
                            .matcher(plain)
                            .region(Math.max(0, s.start() - 3), s.start())
                            .find()) {
                continue;
            }
            out.add(misquote(
                    s.start(1),
                    s.end(1),
                    s.start(2),
                    s.end(2),
                    "$" + s.group(1),
                    "the price per " + s.group(2),
                    s.group(1),
                    right.toPlainString(),
                    "the problem gives $" + right.toPlainString() + " per " + s.group(2) + "; $" + s.group(1)
                            + " is its price per "
                            + String.join(
                                    ", ",
                                    others.stream().map(shown::get).sorted().toList())));
        }
    }

    /** A result sign just before a number: it is worked out, not quoted. */
    private static final Pattern RESULT_BEFORE = Pattern.compile("[=≈]\\s*$");

    /** A problem whose percents change ("went up by 15 percentage points", "this year"). */
    private static final Pattern PERCENT_CHANGES = Pattern.compile(
            "\\b(percentage points?|went up|go(?:es)? up|went down|increas\\w*|decreas\\w*|rose|ris(?:e|es|ing)|grew"
                    + "|grow\\w*|fell|falls?|this year|last year)\\b",
            Pattern.CASE_INSENSITIVE);

    /** A problem that asks for a percent: the step works one out. */
    private static final Pattern ASKS_PERCENT =
            Pattern.compile("\\bwhat\\s+(?:percent|percentage)|\\bhow\\s+many\\s+percent", Pattern.CASE_INSENSITIVE);

    /** Words before a percent in its sentence that work it out ("30 of 50 means 60%", "56/120 ≈ 46.7%"). */
    private static final Pattern WORKED_OUT = Pattern.compile(
            "[=≈/÷]|\\b(?:means?|gives?|so|thus|therefore|hence|which is)\\b", Pattern.CASE_INSENSITIVE);

    private static void percents(String text, String problem, List<Claim> out) {
        // Givens.percents() has read the problem: a percent, not asked for, not changing
        if (!PERCENT.matcher(text).find()) return;
        Map<String, Set<BigDecimal>> byGroup = new HashMap<>();
        Map<String, Set<String>> said = new HashMap<>();
        Matcher m = PERCENT.matcher(problem);
        while (m.find()) {
            String group = item(m.group(2));
            byGroup.computeIfAbsent(group, k -> new HashSet<>()).add(amount(m.group(1)));
            said.computeIfAbsent(group, k -> new HashSet<>()).addAll(words(m.group(3)));
        }
        if (byGroup.isEmpty()) return;
        Set<BigDecimal> numbers = new HashSet<>();
        Matcher n = NUMBER.matcher(problem);
        while (n.find()) numbers.add(new BigDecimal(n.group()));
        Matcher s = PERCENT.matcher(text);
        while (s.find()) {
            String group = item(s.group(2));
            Set<BigDecimal> given = byGroup.get(group);
            if (given == null || given.size() != 1) continue;
            BigDecimal p = amount(s.group(1));
            BigDecimal right = given.iterator().next();
            if (p.compareTo(right) == 0 || p.compareTo(BigDecimal.valueOf(100).subtract(right)) == 0) continue;
            if (numbers.stream().anyMatch(x -> x.compareTo(p) == 0)) continue;
            Set<String> common = new HashSet<>(words(s.group(3)));
            common.retainAll(said.get(group));
            if (common.isEmpty()) continue;
            if (Sentences.sentenceHas(text, s.start(), s.end(), CHANGED)) continue;
            if (WORKED_OUT
                    .matcher(text)
                    .region(Sentences.start(text, s.start()), s.start())
                    .find()) continue;
            out.add(misquote(
                    s.start(1),
                    s.end(1),
                    s.start(2),
                    s.end(2),
                    s.group(1) + "%",
                    "the percent of the " + s.group(2),
                    s.group(1),
                    right.toPlainString(),
                    "the problem says " + right.toPlainString() + "% of the " + s.group(2)));
        }
    }

    /**
     * {@return a false quote: {@code left} (at {@code [ls, le)}) is what the step writes, {@code
     * right} (at {@code [rs, re)}) what it stands for, the reason what the problem gives}
     */
    private static Claim misquote(
            int ls,
            int le,
            int rs,
            int re,
            String left,
            String right,
            String leftValue,
            String rightValue,
            String reason) {
        return new Claim(ls, le, rs, re, left, Relation.IS, right, Claim.Status.FALSE, leftValue, rightValue, reason);
    }

    /** {@return an item's name for comparison: the last word, lower case, without a plural s} */
    private static String item(String words) {
        String w = words.strip().toLowerCase(Locale.ROOT);
        w = w.substring(w.lastIndexOf(' ') + 1);
        if (w.endsWith("es") && w.length() > 4 && (w.endsWith("ses") || w.endsWith("ches") || w.endsWith("shes"))) {
            return w.substring(0, w.length() - 2);
        }
        return w.endsWith("s") && w.length() > 3 && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (w.length() >= 4 && !FILLER.contains(w)) out.add(w);
        }
        return out;
    }

    private static BigDecimal amount(String s) {
        return new BigDecimal(s.replace(",", ""));
    }
}
