package org.veristep.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class AnswerExtractorTest {
    private static String found(String solution) {
        return assertInstanceOf(Extraction.Found.class, AnswerExtractor.extract(solution))
                .answer();
    }

    @Test
    void lastBoxWithNestedBraces() {
        assertEquals("\\frac{\\sqrt{3}}{2}", found("First $\\boxed{1}$, then $\\boxed{\\frac{\\sqrt{3}}{2}}$."));
        assertEquals("12", found("\\fbox{12}"));
    }

    @Test
    void adjacentBoxesJoinOnlyAcrossConnectives() {
        assertEquals("(2, 2), (6, 2)", found("$$\\boxed{(2, 2)} \\quad \\text{and} \\quad \\boxed{(6, 2)}$$"));
        assertEquals("2", found("\\boxed{1} no no no no no \\boxed{2}"));
    }

    @Test
    void markers() {
        assertEquals("[2,5)", found("... Final Answer: The final answer is $[2,5)$. I hope it is correct."));
        assertEquals("72", found("Natalia sold 48/2 = 24 clips in May.\n#### 72"));
        assertEquals("25", found("Here is the result.\nAnswer: 25"));
        assertEquals("34", found("Final Answer: The largest $n$ is 34."));
        assertEquals("220", found("Réponse: Janeth aura encore 220 $ à payer d'ici 12 mois."));
    }

    @Test
    void fallbacksAndNotFound() {
        assertEquals("1,000.99", found("the number is not 10 which is 1,000.99€"));
        assertEquals("13/28", found("计划的比例为13/28"));
        assertInstanceOf(Extraction.NotFound.class, AnswerExtractor.extract("No idea, sorry."));
        // letters are kept, never stripped: the whole word is the answer (and it is not 2)
        assertEquals("AZYUK2A", found("AZYUK2A"));
    }

    @Test
    void choices() {
        assertEquals('C', AnswerExtractor.choice("thinking about it I think the correct answer is C"));
        assertEquals('D', AnswerExtractor.choice("The answer is for sure D, it can't be A or B"));
        assertEquals('B', AnswerExtractor.choice("B。不是 A"));
        assertEquals('C', AnswerExtractor.goldChoice("(C) Cecile"));
        assertEquals(null, AnswerExtractor.goldChoice("D = (0, 1)"));
    }
}
