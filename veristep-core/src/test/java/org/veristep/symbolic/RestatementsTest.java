package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RestatementsTest {
    private static List<Claim> find(String text) {
        return Restatements.find(text, text.toLowerCase(Locale.ROOT));
    }

    @Test
    void theSameQuantityInTheSameUnitMustBeEqual() {
        // ProcessBench gsm8k-130 step 2 (its first error): 20/3600 kb/s is 0.0056 kb/s, not 5.6 kb/s
        List<Claim> c = find("20 kb/s ÷ 3600 s = 0.0056 kb/s (or 5.6 kb/s).");
        assertEquals(1, c.size());
        assertEquals(Claim.Status.FALSE, c.get(0).status());
        assertEquals("0.0056", c.get(0).left());
        assertEquals("5.6", c.get(0).right());
        assertEquals(
                Claim.Status.TRUE,
                find("a width of 3.33 cm (or 3.333 cm)").get(0).status());
        assertEquals(
                Claim.Status.TRUE,
                find("it costs 12.50 dollars (or 12.5 dollars)").get(0).status());
    }

    @Test
    void aConversionOrANumberWithoutUnitIsNotRead() {
        assertEquals(List.of(), find("the concert lasts 2 hours (or 120 minutes)."));
        assertEquals(List.of(), find("the first angle with a remainder of 0 (or 360) degrees"));
        assertEquals(List.of(), find("5 or fewer days (or 5 days)"));
        assertEquals(List.of(), find("if she had $35 (which is $5 more than needed)"));
    }

    @Test
    void theCalculationANumberComesFromMustGiveIt() {
        // olympiadbench-100 step 6 writes "adding 81 (which is 9 * 9)"
        List<Claim> c = find("has a remainder of 9 degrees, adding 81 (which is 9 * 9) gives 90.");
        assertEquals(1, c.size());
        assertEquals(Claim.Status.TRUE, c.get(0).status());
        assertEquals("81", c.get(0).left());
        assertEquals("9 * 9", c.get(0).right());
        assertEquals(
                Claim.Status.FALSE,
                find("Alex needs to leave 24 (i.e., 30 - 5) matches.").get(0).status());
        assertEquals(
                Claim.Status.TRUE,
                find("the largest square is 64 (which is 2^6).").get(0).status());
        assertEquals(
                Claim.Status.TRUE, find("about 0.33 (which is 1 / 3)").get(0).status());
    }
}
