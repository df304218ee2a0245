package org.veristep.grading;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/** Properties of grading: symmetry, and agreement of grades with answer keys on exact values. */
class GradingProperties {
    private static final List<String> ANSWERS = List.of(
            "\\frac{1}{2}",
            "0.5",
            "1/2",
            "50\\%",
            "2",
            "x+1",
            "1+x",
            "\\frac{x^2-1}{x-1}",
            "(1, 2)",
            "(2, 1)",
            "\\{1, 2\\}",
            "2, 1",
            "[1, 2)",
            "1 \\le x < 2",
            "x = 3",
            "3",
            "y = 2x + 1",
            "2x - y + 1 = 0",
            "\\sqrt{2}",
            "\\frac{2}{\\sqrt{2}}",
            "1.41",
            "1.414",
            "\\pi",
            "3.14",
            "\\text{odd}",
            "odd",
            "(C)",
            "C",
            "1 \\pm \\sqrt{2}",
            "1+\\sqrt{2}, 1-\\sqrt{2}",
            "2^{10}",
            "1024",
            "1,024",
            "10\\text{ cm}",
            "x < 1",
            "-x > -1",
            "\\begin{pmatrix}1 & 2\\end{pmatrix}",
            "(1, 2, 3)",
            "\\infty",
            "-\\infty",
            "0",
            "-0",
            "0.0");

    @Provide
    Arbitrary<String> answer() {
        return Arbitraries.of(ANSWERS);
    }

    @Property(tries = 1500, seed = "20240601")
    void gradeIsSymmetric(@ForAll("answer") String a, @ForAll("answer") String b) {
        Grade ab = AnswerGrader.grade(a, b);
        Grade ba = AnswerGrader.grade(b, a);
        Assertions.assertEquals(
                ab.outcome(), ba.outcome(), () -> a + " vs " + b + ": " + ab.reason() + " / " + ba.reason());
    }

    @Property(tries = 300, seed = "20240601")
    void gradeIsReflexive(@ForAll("answer") String a) {
        Assertions.assertTrue(AnswerGrader.grade(a, a).isEquivalent(), a);
    }

    @Property(tries = 1500, seed = "20240601")
    void equalKeysGradeEquivalent(@ForAll("answer") String a, @ForAll("answer") String b) {
        if (AnswerGrader.answerKey(a).equals(AnswerGrader.answerKey(b))) {
            Assertions.assertTrue(
                    AnswerGrader.grade(a, b).isEquivalent(),
                    () -> a + " and " + b + " share the key " + AnswerGrader.answerKey(a));
        }
    }
}
