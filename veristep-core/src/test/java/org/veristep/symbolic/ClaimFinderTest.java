package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimFinderTest {

    /** {@return the chain's sides as normalised expressions, null sides as "∅"} */
    private static List<String> sides(Chain c) {
        return c.sides().stream().map(s -> s == null ? "∅" : s.expr()).toList();
    }

    @Test
    void latexInlineChainsAreFoundWithTheirSpans() {
        String t = "Since there were 18, \\(1/3 \\times 18 = 6\\) are taken back. So \\(18 - 6 = 12\\) left.";
        List<Chain> cs = ClaimFinder.find(t);
        assertEquals(2, cs.size());
        assertEquals(List.of("1/3*18", "6"), sides(cs.get(0)));
        assertEquals(List.of("18-6", "12"), sides(cs.get(1)));
        Side left = cs.get(0).sides().get(0);
        assertEquals("1/3 \\times 18", left.text(t));
        assertNull(cs.get(0).doubtfulStart());
    }

    @Test
    void moneyThousandsAndPlainTextChains() {
        List<Chain> cs = ClaimFinder.find("Total cost = Cost per gallon * Total gallons = $3.5 * 4000 = $14,000.");
        assertEquals(1, cs.size());
        // words end a chain; the numeric chain starts at the "=" after them
        assertEquals(List.of("∅", "3.5*4000", "14000"), sides(cs.get(0)));
        List<Chain> big = ClaimFinder.find("\\[ 26^3 \\times 10^3 = 17,576,000 \\] and 1{,}000 = 10^3");
        assertEquals(List.of("26^3*10^3", "17576000"), sides(big.get(0)));
        assertEquals(List.of("1000", "10^3"), sides(big.get(1)));
    }

    @Test
    void gsm8kCalculatorAnnotations() {
        List<Chain> cs = ClaimFinder.find("She sold 48/2 = <<48/2=24>>24 clips.");
        // "48/2 =" has no right side before the annotation, so only the annotation is a claim
        assertEquals(1, cs.size());
        assertEquals(List.of("48/2", "24"), sides(cs.get(0)));
    }

    @Test
    void percentOfAndTimesAreMultiplication() {
        Chain c = ClaimFinder.find("He earns 20% of 50 = 10 dollars").get(0);
        Side left = c.sides().get(0);
        assertEquals("(20/100)*50", left.expr());
        assertEquals(List.of("20*50"), left.alternatives());
        assertTrue(left.hasPercent());
        assertEquals(
                "20*3", ClaimFinder.find("so 20 x 3 = 60").get(0).sides().get(0).expr());
        assertEquals(
                "5*3",
                ClaimFinder.find("that is 5 times 3 = 15").get(0).sides().get(0).expr());
        assertEquals(
                "\\frac{1}{3}*18",
                ClaimFinder.find("\\(\\frac{1}{3} \\text{ of } 18 = 6\\)")
                        .get(0)
                        .sides()
                        .get(0)
                        .expr());
    }

    @Test
    void unitsAreDroppedAndRecorded() {
        Chain c = ClaimFinder.find("\\(2 \\text{ books} \\times 2 \\text{ pounds/book} = 4 \\text{ pounds}\\)")
                .get(0);
        assertEquals("2*2", c.sides().get(0).expr());
        assertTrue(c.sides().get(0).units().contains("books"));
        // a bare quantity with a unit names the quantity: "5 quarters = 5 * 25 = 125 cents"
        Chain q = ClaimFinder.find("So, 5 quarters = 5 * 25 = 125 cents.").get(0);
        assertEquals(List.of("∅", "5*25", "125"), sides(q));
    }

    @Test
    void mixedNumbersHaveBothReadings() {
        Side s =
                ClaimFinder.find("\\( k > 2\\frac{6}{7} = 3 \\)").get(0).sides().get(1);
        assertEquals("(2+\\frac{6}{7})", s.expr());
        assertEquals(List.of("2\\frac{6}{7}"), s.alternatives());
    }

    @Test
    void latexNumeralsReadAsLatexMeansThem() {
        // thousands separators ",\\!" and "{,}" (MATH's reference solutions write both)
        assertEquals(
                "90000",
                ClaimFinder.find("$9\\times 10^4=90,\\!000$")
                        .get(0)
                        .sides()
                        .get(1)
                        .expr());
        assertEquals(
                "19404",
                ClaimFinder.find("$x = 19{,}404$").get(0).sides().get(1).expr());
        // an exponent without braces is one character when another power follows: 3^25^2 is 3^2 5^2 (in
        // math only); "2^16 = 65536" is written for 2^{16}
        assertEquals(
                Verdict.VERIFIED,
                new StepVerifier()
                        .verifyStep("\\(2^16 = 65536\\)", new java.util.HashMap<>())
                        .verdict());
        assertEquals(
                Verdict.VERIFIED,
                new StepVerifier()
                        .verifyStep("\\(3^25^2 = 15^2\\)", new java.util.HashMap<>())
                        .verdict());
        assertEquals(
                Verdict.REFUTED,
                new StepVerifier()
                        .verifyStep("so 3^25 = 15", new java.util.HashMap<>())
                        .verdict());
        // an unbraced mixed number, a vulgar fraction glyph, a pair in parentheses
        assertEquals(
                "(8+\\frac47)",
                ClaimFinder.find("$\\frac{60}{7} = 8\\frac47$")
                        .get(0)
                        .sides()
                        .get(1)
                        .expr());
        assertEquals(
                "(3/4)*3/3",
                ClaimFinder.find("¾ x 3/3 = 9/12").get(0).sides().get(0).expr());
        assertEquals(
                Verdict.UNVERIFIABLE,
                new StepVerifier()
                        .verifyStep("\\((28,365) = 1\\)", new java.util.HashMap<>())
                        .verdict());
    }

    @Test
    void doubtfulExtentsAreRecorded() {
        assertNotNull(ClaimFinder.find("one third of \\(18 = 6\\)").get(0).doubtfulStart());
        assertNotNull(ClaimFinder.find("at 3:30 = 3.5 hours").get(0).doubtfulStart());
        assertNotNull(ClaimFinder.find("the total is 2 + 3 = 5 dozen").get(0).doubtfulEnd());
        // a decimal that goes on, a repeating decimal, an elided product: no value to check
        assertEquals(List.of(), ClaimFinder.find("\\(x = 1234.234...\\)"));
        assertEquals(List.of(), ClaimFinder.find("\\(100x = 5.\\overline{05}\\)"));
        assertEquals(List.of(), ClaimFinder.find("\\(n! = 1 \\cdot 2 \\cdots n\\)"));
        assertNotNull(ClaimFinder.find("Age = \\text{Chenny's Age} - 4 = 10 - 4 = 6")
                .get(0)
                .doubtfulStart());
        assertNull(ClaimFinder.find("Then, 5 + 3 = 8.").get(0).doubtfulStart());
    }

    @Test
    void approximationsAndInequalities() {
        Chain c = ClaimFinder.find("10 / 3 = about 3.33").get(0);
        assertEquals(List.of(Relation.APPROX), c.relations());
        Chain d =
                ClaimFinder.find("\\( 0 < \\frac{1}{3} \\le 1 \\approx 1.0 \\)").get(0);
        assertEquals(List.of(Relation.LT, Relation.LE, Relation.APPROX), d.relations());
        assertEquals(List.of(Relation.GE), ClaimFinder.find("7 ≥ 5").get(0).relations());
    }

    @Test
    void listBulletsAreNotMinusSigns() {
        Chain c = ClaimFinder.find("First:\n- 10 = 2 * 5").get(0);
        assertEquals(List.of("10", "2*5"), sides(c));
    }
}
