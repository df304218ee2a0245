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

    @Test
    void aTotalForSeveralItemsQuotedAsThePriceOfOneIsFalse() {
        // ProcessBench gsm8k-166 step 1 (its first error): $20.25 is for the 3 tickets
        String fair = "Three friends spent $20.25 on 3 tickets to the fair. They also spent $4.50 less on food than on"
                + " the tickets.";
        List<Claim> c = find(
                "First, calculate the total amount spent on tickets. Each ticket costs $20.25, so 3 tickets would be:"
                        + " \\[3 \\times 20.25 = \\$60.75\\]",
                fair);
        assertEquals(1, c.size());
        assertEquals(
                "the problem gives $20.25 for 3 tickets, not for one", c.get(0).reason());
        assertEquals(List.of(), find("Each ticket costs $20.25 / 3 = $6.75.", fair));
        assertEquals(List.of(), find("The 3 tickets cost $20.25 in total.", fair));
        assertEquals(List.of(), find("If each ticket costs $20.25, 3 tickets cost $60.75.", fair));
    }

    @Test
    void severalOfAnItemTheProblemNamesOnceIsFalse() {
        // ProcessBench gsm8k-184 step 2 and gsm8k-58 step 0 (their first errors)
        String pennies = "Belen has two kinds of pennies, a 2010 penny and a 1959 penny. The 2010 penny is"
                + " three-quarters of the weight of the 1959 penny.";
        List<Claim> c =
                find("Since there are two 2010 pennies, their combined weight is: \\[ 36 \\times 2 = 72 \\]", pennies);
        assertEquals(1, c.size());
        assertEquals("the problem names one 2010 penny and never more", c.get(0).reason());
        String gum =
                "She got two packs of her favorite flavor, strawberry. She paid $2 for a pack of grape gum that she"
                        + " also liked.";
        assertEquals(
                1,
                find("It is given that Suzie bought 2 packs of grape gum for $2 each.", gum)
                        .size());
        assertEquals(List.of(), find("She bought 1 pack of grape gum for $2.", gum));
        // the problem counts the item somewhere, or the step supposes or speaks of each
        assertEquals(List.of(), find("2 packs of grape gum cost $4.", gum + " Later she buys 3 packs of grape gum."));
        assertEquals(List.of(), find("If she bought 2 packs of grape gum, she would pay $4.", gum));
        assertEquals(List.of(), find("Both 2010 pennies weigh the same.", pennies));
    }

    @Test
    void aNumberTheProblemGivesInOneDimensionQuotedInAnotherIsFalse() {
        // ProcessBench gsm8k-85 step 0 (its first error): the shore is 64 seconds away, not 64 feet
        String boat = "It took her sixteen seconds to row twenty feet. The shore was 64 seconds away.";
        List<Claim> c = find(
                "Given that it takes her 16 seconds to row 20 feet, we can find out how long it takes her to row 64 feet"
                        + " (the distance to the shore):",
                boat);
        assertEquals(1, c.size());
        assertEquals(
                "the problem gives 64 seconds, a time, not a length", c.get(0).reason());
        assertEquals(List.of(), find("She rows for 64 seconds.", boat));
        // a rate turns days into cups (gsm8k-76): not read; nor small numbers, nor a result
        String puppy = "feed the puppy 1 cup of dog food every day for the first 180 days.";
        assertEquals(
                List.of(), find("She feeds 1 cup of dog food per day. So, she'll need 180 cups of dog food.", puppy));
        assertEquals(List.of(), find("It takes 12 feet of rope.", "It lasts 12 minutes."));
        assertEquals(List.of(), find("So the distance is 180 \\times 1 = 180 feet.", puppy));
    }
}
