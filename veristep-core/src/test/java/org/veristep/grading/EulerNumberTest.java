package org.veristep.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veristep.math.Expr;
import org.veristep.math.MathParser;

/**
 * The letter e in answers ({@link EulerNumber}): Euler's number unless the answer assigns, solves for
 * or bounds a variable e. Rows in the style of {@code grading/vectors.jsonl}: gold, prediction,
 * expected verdict, and the value that decides it, worked out independently (e = 2.718281828459045…,
 * e² = 7.389056098930650…, e³ = 20.085536923187668…, 1/e = 0.367879441171442…).
 */
class EulerNumberTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the user's report: e^2 = 7.38905609893..., shown to 6 decimals 7.389056
                "e^2 | 7.389056 | true",
                // exp(2) is e^2
                "e^2 | \\exp(2) | true",
                "\\exp(2) | e^2 | true",
                // 7.389056... rounds to 7.39 at two decimals, not 7.38
                "e^2 | 7.38 | false",
                "e^2 | 7.39 | true",
                // e to 9 decimals: 2.718281828
                "e | 2.718281828 | true",
                "e | 2.718281829 | false",
                // 1/e = 0.36787944... -> 0.3679
                "\\frac{1}{e} | 0.3679 | true",
                "e^{-1} | \\frac{1}{e} | true",
                // ln(e^3) = 3, ln e = 1
                "\\ln(e^3) | 3 | true",
                "\\ln e | 1 | true",
                // 2e = 5.43656365... -> 5.4366; e + 1 = 3.71828... -> 3.718
                "2e | 5.4366 | true",
                "e + 1 | 3.718 | true",
                // e^2 = 7.389... and e^3 = 20.085... differ
                "e^2 | e^3 | false",
                // with other variables e stays Euler's number: x e^x = x exp(x) for all x
                "xe^x | x\\exp(x) | true",
                "e^{2x} | (e^x)^2 | true",
                "xe^x | xe^{2x} | false",
                // \\mathrm{e} and a bare e are the same constant
                "\\mathrm{e}^2 | e^2 | true",
                // x = e states the value e = 2.71828...
                "x = e | 2.71828 | true",
                // about a variable named e: an assignment, a solution, a range
                "e = 5 | 5 | true",
                "e = 5 | 2.718281828 | false",
                "e=5 | e = 5.0 | true",
                "1 < e \\le 4 | (1, 4] | true",
                "2 < e | e > 2 | true",
                "(d, e) = (1, 2) | (1, 2) | true",
                // a subscripted e is a variable of its own name, never Euler's number
                "e_1 | 2.718281828 | false",
                // words: \\text{e} and a math e, \\text{even} and a math Even (vectors 203 and 216)
                "\\text{e} | e | true",
                "\\text{even} | Even | true",
            })
    void eIsEulersNumberUnlessTheAnswerIsAboutAVariableE(String gold, String pred, boolean expected) {
        Grade g = AnswerGrader.grade(gold, pred);
        assertEquals(expected, g.isEquivalent(), () -> gold + " vs " + pred + ": " + g.reason());
        Grade mirror = AnswerGrader.grade(pred, gold);
        assertEquals(expected, mirror.isEquivalent(), () -> "mirror " + pred + " vs " + gold + ": " + mirror.reason());
    }

    @Test
    void theRuleDecidesPerAnswer() {
        Expr euler = new Expr.Const(Expr.Const.Kind.E);
        // a bare e becomes the constant
        assertEquals(
                new Expr.Binary(Expr.Binary.Op.POW, euler, Expr.Num.of(2)), EulerNumber.read(MathParser.parse("e^2")));
        // an assignment, a bound and a membership keep it a variable
        for (String about : new String[] {"e = 5", "e \\ge 2", "1 < e < 3", "e \\in [1, 3]", "(d, e) = (1, 2)"}) {
            assertTrue(EulerNumber.aboutVariableE(MathParser.parse(about)), about);
            assertEquals(MathParser.parse(about), EulerNumber.read(MathParser.parse(about)), about);
        }
        // a value stated for another variable, or an expression, does not
        for (String value : new String[] {"x = e", "e^2", "x e^x + 1", "\\{e, 2e\\}", "y = e^2 + x"}) {
            assertFalse(EulerNumber.aboutVariableE(MathParser.parse(value)), value);
        }
        // a long flat chain is rewritten without deep recursion: e + e + ... (20,000 terms)
        Expr chain = EulerNumber.read(MathParser.parse("e" + " + e".repeat(19_999)));
        assertEquals(19_999, ((Expr.Binary) chain).leftSpine().size());
        assertEquals(euler, ((Expr.Binary) chain).leftSpine().getLast().left());
    }

    @Test
    void votesGroupEulerForms() {
        // e^2, exp(2) and \mathrm{e}^2 are one answer in a majority vote; 7.389 is not (a rounded value)
        String key = AnswerGrader.answerKey("e^2");
        assertEquals(key, AnswerGrader.answerKey("\\exp(2)"));
        assertEquals(key, AnswerGrader.answerKey("The answer is $\\boxed{\\mathrm{e}^2}$."));
        assertNotEquals(key, AnswerGrader.answerKey("7.389"));
        // the assignment e = 5 votes with 5
        assertEquals(AnswerGrader.answerKey("5"), AnswerGrader.answerKey("e = 5"));
    }
}
