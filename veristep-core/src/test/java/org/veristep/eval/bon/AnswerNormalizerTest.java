package org.veristep.eval.bon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AnswerNormalizerTest {
    @Test
    void removesPresentationOnly() {
        assertEquals("\\frac{1}{2}", AnswerNormalizer.normalize("\\boxed{\\dfrac{1}{2}}"));
        assertEquals("\\frac{1}{2}", AnswerNormalizer.normalize(" $\\tfrac{1}{2}$ "));
        assertEquals("1000", AnswerNormalizer.normalize("1,000"));
        assertEquals("0.5", AnswerNormalizer.normalize("0.50"));
        assertEquals("0.5", AnswerNormalizer.normalize(".5"));
        assertEquals("2", AnswerNormalizer.normalize("2.0"));
        assertEquals("0", AnswerNormalizer.normalize("-0.00"));
        assertEquals("30", AnswerNormalizer.normalize("30^\\circ"));
        assertEquals("30", AnswerNormalizer.normalize("30^{\\circ}"));
        assertEquals("25", AnswerNormalizer.normalize("25\\%"));
        assertEquals("5", AnswerNormalizer.normalize("x = 5"));
        assertEquals("5", AnswerNormalizer.normalize("5."));
        assertEquals("(1,2)", AnswerNormalizer.normalize("\\left( 1, 2 \\right)"));
        assertEquals("12inches", AnswerNormalizer.normalize("12 \\text{ inches}"));
        assertEquals("", AnswerNormalizer.normalize(null));
    }

    @Test
    void keepsValuesApart() {
        assertNotEquals(AnswerNormalizer.normalize("\\frac{1}{2}"), AnswerNormalizer.normalize("0.5"));
        assertNotEquals(AnswerNormalizer.normalize("1,2"), AnswerNormalizer.normalize("12"));
        // a single-letter left-hand side is dropped, as Qwen's strip_string does: the answer is the value
        assertEquals("2x+1", AnswerNormalizer.normalize("y = 2x + 1"));
        assertEquals("x+y=3", AnswerNormalizer.normalize("x + y = 3"));
    }
}
