package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyClaimsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // ProcessBench first errors: gsm8k-135 (54 = 9 × 6), math-319 (111111111 = 9 × 12345679),
                // omnimath-475 (2018 = 2 × 1009)
                "54 is not divisible evenly by 9 when we have 12 groups, so we round up.|FALSE",
                "Since 111111111 is not divisible by 9 (the sum of its digits is 9)|FALSE",
                "Since 2018 is a prime number, it follows that d(n) is 0.|FALSE",
                "Since 2017 is a prime number, the order divides 2016.|TRUE",
                "27 is divisible by 9.|TRUE",
                "so 91 is a multiple of 7|TRUE",
                "so 92 is a multiple of 7|FALSE",
                "and 41 is odd|TRUE",
                "Thus 1001 is prime.|FALSE",
                "Thus 1 is not prime.|TRUE",
                "Clearly 999999999989 is prime.|TRUE",
                // a list of divisors: false only when every reading is false
                "the number 10236 is not divisible by 3 and 6|FALSE",
                "the number 10245 is not divisible by 2 and 4|TRUE",
                "so 12 is divisible by 5 and 7|FALSE",
                // comparisons in words: ProcessBench gsm8k-100 (its first error)
                "and 7.5 pounds is half a pound more than 15 pounds, then Uriah must remove 15 toys|FALSE",
                "So 15.5 pounds is half a pound more than 15 pounds.|TRUE",
                "so $40 is $5 less than $45|TRUE",
                "so 24 is twice 12|TRUE",
                "so 36 is three times as much as 10|FALSE",
            })
    void checksWhatItAsserts(String text, Claim.Status status) {
        List<Claim> found = PropertyClaims.find(text);
        assertEquals(1, found.size(), () -> text + " -> " + found);
        assertEquals(status, found.get(0).status(), found.get(0).reason());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // questions and suppositions (ProcessBench math-187, math-549, math-586)
                "Check if 32 is prime: No, 32 is not prime.",
                "Fifth, check if 102 is a prime number.",
                "is even if and only if 41 is even, which it is not.",
                "Now we need to check whether 98730 is divisible by 7.",
                // not the subject (ProcessBench omnimath-14)
                "any power of 5 greater than or equal to 2 is divisible by 25",
                // a division with remainder meant (ProcessBench omnimath-713, judged correct)
                "Since 16 is divisible by 7 (16 = 7 * 2 + 2), 16 days hold 2 weeks.",
                // part of an expression
                "so 2^10 is divisible by 4",
                "3.5 is not divisible by 2",
            })
    void readsNoQuestionSuppositionOrPartAsAnAssertion(String text) {
        assertEquals(
                List.of(),
                PropertyClaims.find(text).stream()
                        .filter(c -> c.status() == Claim.Status.FALSE)
                        .toList());
    }
}
