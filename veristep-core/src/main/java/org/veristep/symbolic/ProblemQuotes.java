package org.veristep.symbolic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and checks a step's quotes of two kinds of givens of the problem: a unit price ("If they
 * charge $5.00 per blouse, $6.00 per skirt and $8.00 per pair of pants", then "1 skirt x
 * $8.00/skirt" is false: $8.00 is the problem's price of another item) and a percent of a named
 * group ("30% of the watermelons were ready for harvest", then "20% of the 120 watermelons are
 * ready for harvest" is false).
 *
 * <p>Read only when the quote is certain: a price is checked only when the problem gives each of
 * at least two items exactly one price ("per", "/") and the step's price for one item is the
 * problem's price of another (a swap, not a new price: discounts, totals and rates the step works
 * out are other numbers); a percent only when the problem gives the group exactly one percent, the
 * step's sentence says the same thing of it (a content word after the group in common: "ready"),
 * and the step's percent is neither the problem's complement (70%) nor any number the problem
 * writes. Sentences that suppose, compare or change the amount ("if", "instead", "remaining",
 * "more", "discount" ...) are not read. Thread-safe: stateless.
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
                    + "|each|every|then|now|later)\\b",
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
        if (problem == null) return List.of();
        boolean dollars = text.indexOf('$') >= 0 && problem.indexOf('$') >= 0;
        boolean percents = (text.indexOf('%') >= 0 || lower.contains("percent"))
                && (problem.indexOf('%') >= 0 || problem.contains("percent"));
        if (!dollars && !percents) return List.of();
        List<Claim> out = new ArrayList<>();
        if (dollars) prices(text, problem, out);
        if (percents) percents(text, problem, out);
        return out;
    }

    private static void prices(String text, String problem, List<Claim> out) {
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
            if (others.stream().anyMatch(compound::contains)) continue;
            if (Sentences.sentenceHas(plain, s.start(), s.end(), CHANGED)) continue;
            out.add(new Claim(
                    s.start(1),
                    s.end(1),
                    s.start(2),
                    s.end(2),
                    "$" + s.group(1),
                    Relation.IS,
                    "the price per " + s.group(2),
                    Claim.Status.FALSE,
                    s.group(1),
                    right.toPlainString(),
                    "the problem gives $" + right.toPlainString() + " per " + s.group(2) + "; $" + s.group(1)
                            + " is its price per "
                            + String.join(
                                    ", ",
                                    others.stream().map(shown::get).sorted().toList())));
        }
    }

    private static void percents(String text, String problem, List<Claim> out) {
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
            out.add(new Claim(
                    s.start(1),
                    s.end(1),
                    s.start(2),
                    s.end(2),
                    s.group(1) + "%",
                    Relation.IS,
                    "the percent of the " + s.group(2),
                    Claim.Status.FALSE,
                    s.group(1),
                    right.toPlainString(),
                    "the problem says " + right.toPlainString() + "% of the " + s.group(2)));
        }
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
