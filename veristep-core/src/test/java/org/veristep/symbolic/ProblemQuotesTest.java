package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemQuotesTest {
    private static final String DRY_CLEANING = "Her weekly drop-off includes 5 blouses, 2 pants and 1 skirt. If they"
            + " charge her $5.00 per blouse, $6.00 per skirt and $8.00 per pair of pants, how much does she spend"
            + " on dry-cleaning in 5 weeks?";
    private static final String MELONS = "A watermelon farm produced 120 baby watermelons. Ashlyn went to the farm"
            + " after two months and found out that 30% of the watermelons were ready for harvest, so she took them"
            + " home.";

    private static List<Claim> find(String step, String problem) {
        return ProblemQuotes.find(step, step.toLowerCase(Locale.ROOT), problem);
    }

    @Test
    void anotherItemsPriceQuotedForAnItemIsFalse() {
        // ProcessBench gsm8k-63 step 2 (its first error): a skirt costs $6.00; $8.00 is a pair of pants
        List<Claim> c = find("Second, the cost for the skirts is: 1 skirt x $8.00/skirt = $8.00.", DRY_CLEANING);
        assertEquals(1, c.size());
        assertEquals(Claim.Status.FALSE, c.get(0).status());
        assertEquals("$8.00", c.get(0).left());
        assertEquals(
                "the problem gives $6.00 per skirt; $8.00 is its price per pants",
                c.get(0).reason());
        assertEquals(
                List.of(), find("Second, the cost for the skirts is: 1 skirt x $6.00/skirt = $6.00.", DRY_CLEANING));
        assertEquals(List.of(), find("The skirts: 1 skirt x $6/skirt = $6.", DRY_CLEANING));
        // a price the step works out, a supposition or a changed price is not a quote
        assertEquals(List.of(), find("With the discount, it is $5.00 per skirt.", DRY_CLEANING));
        assertEquals(List.of(), find("If they charged $8.00 per skirt, she would pay $8.00.", DRY_CLEANING));
        assertEquals(List.of(), find("A skirt costs $7.00 per skirt this week.", DRY_CLEANING));
        // one priced item only, or a price of two things at once: nothing to swap
        assertEquals(List.of(), find("She pays $8.00 per skirt.", "They charge $6.00 per skirt."));
        assertEquals(
                List.of(),
                find(
                        "Renting costs $1.50 per session.",
                        "It costs $25 per session to rent the studio plus $1.50 per student per session."));
    }

    @Test
    void anotherPercentOfTheSameGroupSaidTheSameWayIsFalse() {
        // ProcessBench gsm8k-87 step 1 (its first error): the problem says 30%
        List<Claim> c = find(
                "Number of ready watermelons Ashlyn took home: 20% of the 120 watermelons are ready for harvest, so:"
                        + " \\[0.20 \\times 120 = 24\\]",
                MELONS);
        assertEquals(1, c.size());
        assertEquals(Claim.Status.FALSE, c.get(0).status());
        assertEquals("the problem says 30% of the watermelons", c.get(0).reason());
        assertEquals(List.of(), find("30% of the 120 watermelons are ready for harvest.", MELONS));
        // the complement, the rest, another statement about the group, or a number of the problem
        assertEquals(List.of(), find("70% of the watermelons were not ready for harvest.", MELONS));
        assertEquals(List.of(), find("25% of the remaining watermelons were ready for harvest.", MELONS));
        assertEquals(List.of(), find("20% of the watermelons are rotten.", MELONS));
        assertEquals(List.of(), find("So 120% of the watermelons are ready for harvest.", MELONS));
    }
}
