package org.veristep.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veristep.math.Value;
import org.veristep.trace.Problem;
import org.veristep.trace.Trace;

class StepVerifierTest {
    private final StepVerifier verifier = new StepVerifier();

    private Verdict verdict(String text) {
        return verifier.verifyStep(text, new HashMap<>()).verdict();
    }

    @Test
    void wrongProductIsRefutedWithTheRightValue() {
        // ProcessBench gsm8k-2 step 1 (its first error): 2/5 of 4000 is 1600
        StepCheck c = verifier.verifyStep("Amount = Fraction * Total = 2/5 * 4000 = 800 gallons.", new HashMap<>());
        assertEquals(Verdict.REFUTED, c.verdict());
        Claim f = c.firstFalse();
        assertEquals("2/5 * 4000", f.left());
        assertEquals("800", f.right());
        assertEquals("1600", f.leftValue());
    }

    @Test
    void aSlipWhileSolvingALinearEquationIsRefuted() {
        // ProcessBench math-487 step 1 (its first error): -2 + 4a + 8 = 0 gives 4a = -6, not -10
        StepCheck c = verifier.verifyStep(
                "Expanding the dot product, we have\n\\[-2 + 4a + 8 = 0 \\Rightarrow 4a = -10 \\Rightarrow a ="
                        + " \\boxed{-\\frac{5}{2}}.\\]",
                new HashMap<>());
        assertEquals(Verdict.REFUTED, c.verdict());
        assertEquals("4a", c.firstFalse().left());
        assertEquals("-10", c.firstFalse().right());
        // olympiadbench-123 step 1: 18 = -2 + 4 + c gives c = 16, not 18 - 2 + 4 = 20
        assertEquals(
                Verdict.REFUTED,
                verdict("\\[18 = -2(1)^2 + 4(1) + c\\]\n\\[18 = -2 + 4 + c\\]\n\\[c = 18 - 2 + 4\\]\n\\[c = 20\\]"));
        // olympiadbench-762 step 1: 4(55) + 11 is 231, so K - 19 = 221 - K does not follow
        assertEquals(
                Verdict.REFUTED,
                verdict("\\[\nK - 19 = (4(55)+11) - K\n\\]\nSimplify the equation:\n\\[\nK - 19 = 221 - K\n\\]"));
        // gsm8k-197 step 2 (its first error): (J + 10) + J + 2J + 10 = 100 gives J = 20, "this
        // simplifies to 5J + 20 = 100" gives J = 16 ("simplifies to" starts the equation)
        assertEquals(
                Verdict.REFUTED,
                verdict("Since L = J + 10, we substitute L in the equation: ((J + 10) + J) + 2J + 10 = 100."
                        + " This simplifies to 5J + 20 = 100."));
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict("Since L = J + 10, we substitute L in the equation: ((J + 10) + J) + 2J + 10 = 100."
                        + " This simplifies to 4J + 20 = 100."));
        // gsm8k-65 step 4: both sides were doubled on the right only
        assertEquals(
                Verdict.REFUTED,
                verdict("(2/3)x * $1.5 * (2/2) = $150 * (2/2). This simplifies to: (4/6)x * $1.5 = $300."));
    }

    @Test
    void aStepOfSolvingNamedBetweenCommasKeepsTheDerivation() {
        // ProcessBench gsm8k-46 step 3 (its first error): 150 + x = 500 gives x = 350, "subtracting
        // 150 from both sides" the writer gets x = 350 - 150 = 200; \\( x \\) inside plain text
        String step = "we can set up the equation: 30 + 15 + \\( x \\) + 105 = 500. Simplifying the equation, we"
                + " get: 150 + \\( x \\) = 500. Subtracting 150 from both sides, we get: \\( x \\) = 350 - 150."
                + " Therefore, \\( x \\) = 200.";
        StepCheck c = verifier.verifyStep(step, new HashMap<>());
        assertEquals(Verdict.REFUTED, c.verdict());
        assertEquals("x", c.firstFalse().left());
        assertEquals("350 - 150", c.firstFalse().right());
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict(step.replace("350 - 150", "500 - 150").replace("= 200", "= 350")));
        // a comma that no step of solving explains still separates ("x + 2 = 5, x = 7" may be two cases)
        assertEquals(Verdict.UNVERIFIABLE, verdict("\\[x + 2 = 5\\], and since x is positive, \\[x = 7\\]"));
        // olympiadbench-999 step 5: the positive one of two roots is chosen after a comma
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict("\\[y + 2 = 5 \\quad \\text{or} \\quad y + 2 = -5\\] Since \\(y\\) is positive, we have:"
                        + " \\[y = 3\\]"));
    }

    @Test
    void aLabelRestatedWithItsValueAtTheStartOfTheNextStepIsChecked() {
        // ProcessBench gsm8k-123 steps 0-1 (first error at step 1): the nine scores add up to 630
        String end =
                "Let's start with the first step:\n\\[ \\text{Total Score} = 50 + 80 + 80 + 60 + 40 + 90 + 100 + 70"
                        + " + 60 \\]";
        Problem p = new Problem("gsm8k-123", "Find her mean score.", null);
        List<StepCheck> wrong = verifier.verify(
                Trace.of("t", p, List.of(end, "Adding these together:\n\\[ \\text{Total Score} = 570 \\]")));
        assertEquals(Verdict.REFUTED, wrong.get(1).verdict());
        assertEquals(
                "50 + 80 + 80 + 60 + 40 + 90 + 100 + 70 + 60",
                wrong.get(1).firstFalse().left());
        assertEquals("630", wrong.get(1).firstFalse().leftValue());
        List<StepCheck> right = verifier.verify(
                Trace.of("t", p, List.of(end, "Adding these together:\n\\[ \\text{Total Score} = 630 \\]")));
        assertEquals(Verdict.VERIFIED, right.get(1).verdict());
        // a new value under the same label, or an expression that does not end the step, is not linked
        assertEquals(
                Verdict.UNVERIFIABLE,
                verifier.verify(Trace.of(
                                "t",
                                p,
                                List.of(end, "After dropping the lowest score:\n\\[ \\text{Total Score} = 590 \\]")))
                        .get(1)
                        .verdict());
        assertEquals(
                Verdict.UNVERIFIABLE,
                verifier.verify(Trace.of(
                                "t",
                                p,
                                List.of(end + " where each score counts once.", "\\[ \\text{Total Score} = 570 \\]")))
                        .get(1)
                        .verdict());
    }

    @Test
    void aLabelRestatedInTheSameUnknownsMustBeRewrittenByAnIdentity() {
        // ProcessBench gsm8k-92 step 4 (its first error): 3/4 A + 3/4 A + A is 5/2 A, not 11/4 A
        StepCheck c = verifier.verifyStep(
                "Simplify and solve for the total amount: Total = \\(\\frac{3}{4}A + \\frac{3}{4}A + 60 + A\\) Total ="
                        + " \\(1A + 60 + \\frac{7}{4}A\\) Total = \\(1A + 60 + 1.75A\\) Total = \\(2A + 60\\).",
                new HashMap<>());
        assertEquals(Verdict.REFUTED, c.verdict());
        assertEquals("1A + 60 + \\frac{7}{4}A", c.firstFalse().right());
        assertEquals(
                Verdict.VERIFIED,
                verdict("Total = \\(\\frac{3}{4}A + \\frac{3}{4}A + 60 + A\\) Total = \\(\\frac{5}{2}A + 60\\)."));
        // a substitution changes the unknowns: not a rewriting to check
        assertEquals(Verdict.VERIFIED, verdict("Total = \\(2A + 60\\) Total = \\(2(120) + 60\\) Total = \\(300\\)."));
        // outside a restated label, a link that is not an identity stays unchecked (an equation may be meant)
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict("\\(\\frac{3}{4}A + \\frac{3}{4}A + 60 + A = 1A + 60 + \\frac{7}{4}A\\)"));
    }

    @Test
    void anEquationGotBySubstitutionMustSatisfyTheEquationsBeforeIt() {
        // ProcessBench gsm8k-182 steps 0-2 (first error at step 2): S = 2B and (S + 2) + (B + 2) = 28
        // have the one solution B = 8, S = 16; substituting gives 3B + 4 = 28, not 2B + 4 + B + 2 = 28
        Problem p = new Problem(
                "gsm8k-182",
                "Seth is twice as old as Brooke. In 2 years, the sum of their ages" + " will be 28. How old is Seth?",
                null);
        String s0 = "Seth is twice as old as Brooke, so we can write this relationship as an equation: \\[S = 2B\\]";
        String s1 = "The sum of their ages in two years will be 28, so we can write another equation: \\[(S + 2) +"
                + " (B + 2) = 28\\]";
        List<StepCheck> wrong = verifier.verify(Trace.of(
                "t",
                p,
                List.of(
                        s0,
                        s1,
                        "Substituting the first equation into the second equation, we get: \\[2B + 4 + B + 2 ="
                                + " 28\\] \\[3B + 6 = 28\\]")));
        assertEquals(Verdict.REFUTED, wrong.get(2).verdict());
        assertEquals("2B + 4 + B + 2", wrong.get(2).firstFalse().left());
        assertEquals(
                "the equations before it have the one solution B = 8, S = 16, which does not satisfy it",
                wrong.get(2).firstFalse().reason());
        List<StepCheck> right = verifier.verify(Trace.of(
                "t",
                p,
                List.of(
                        s0,
                        s1,
                        "Substituting the first equation into the second equation, we get: \\[2B + 2 + B + 2 ="
                                + " 28\\] \\[3B + 4 = 28\\]")));
        assertEquals(Verdict.UNVERIFIABLE, right.get(2).verdict());
        // olympiadbench-849 steps 3-7: two lines in x and y are not a system; substituting y = 3 into
        // the second one is right (the value substituted and the lines disagree: nothing is checked)
        List<StepCheck> lines = verifier.verify(Trace.of(
                "t",
                new Problem("p", "Find x where the perpendicular bisector of AB meets the line y = 3.", null),
                List.of(
                        "The equation of the line AB: \\[ y - 5 = 2(x - 1) \\] \\[ y = 2x + 3 \\]",
                        "The perpendicular bisector: \\[ 2y - 22 = -x + 4 \\] \\[ x + 2y = 26 \\]",
                        "We can substitute \\( y = 3 \\) into the equation of the perpendicular bisector: \\[ x + 2(3)"
                                + " = 26 \\] \\[ x + 6 = 26 \\] \\[ x = 20 \\]")));
        assertEquals(Verdict.UNVERIFIABLE, lines.get(2).verdict());
    }

    @Test
    void evaluationsAtSeveralPointsAreNotOneDerivation() {
        // found by a reviewer: each line evaluates the expression at a new value of its letter
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict("Evaluating at \\( x = 1 \\): \\( 3x + 2 = 5 \\). Evaluating at \\( x ="
                        + " 2 \\): \\( 3x + 2 = 8 \\)."));
        assertEquals(Verdict.UNVERIFIABLE, verdict("x = 1: 3x + 2 = 5\nx = 2: 3x + 2 = 8"));
        assertEquals(
                Verdict.UNVERIFIABLE, verdict("Year 1 (t = 1): 100 + 20t = 120. Year 2 (t = 2): 100 + 20t = 140."));
    }

    @Test
    void arithmeticInAnotherBaseModuloOrOnAClockIsNotRefuted() {
        assertEquals(Verdict.UNVERIFIABLE, verdict("In binary, 101 + 11 = 1000."));
        assertEquals(Verdict.UNVERIFIABLE, verdict("Adding in base 5: 34 + 12 = 101."));
        assertEquals(Verdict.UNVERIFIABLE, verdict("On a 12-hour clock, 8 + 6 = 2 o'clock."));
        // 4^6 = 6 · 16 holds modulo 25 (unchecked), 6 · 16 = 96 holds (verified)
        assertEquals(Verdict.VERIFIED, verdict("Working mod 25, \\(4^6 = 6 \\cdot 16 = 96 \\equiv 21\\)."));
        // but not what the base, modulus or clock does not explain
        assertEquals(Verdict.REFUTED, verdict("In binary, 101 + 12 = 1002."));
        // PRMBench confidence_prm_test_p1_2 step 2: 5 - 1 is 4 in base 9 too
        Problem base9 = new Problem("p", "Compute $58_9 - 18_9.$ Express your answer in base $9.$", null);
        assertEquals(
                Verdict.REFUTED,
                verifier.verify(Trace.of("t", base9, List.of("The left column: $5-1=3$.")))
                        .get(0)
                        .verdict());
        assertEquals(
                Verdict.UNVERIFIABLE,
                verifier.verify(Trace.of("t", base9, List.of("In base 9, $58 + 18 = 77$ and $8 + 1 = 10$.")))
                        .get(0)
                        .verdict());
        assertEquals(Verdict.REFUTED, verdict("Working mod 25, 4^6 = 6 \\cdot 17."));
        // math-342 step 0 (its first error): degrees of a clock's hand are not hours
        assertEquals(
                Verdict.REFUTED,
                verdict("The hour hand makes one full rotation in 12 hours, so at 2:48 the hour hand has rotated"
                        + " \\((2 + \\frac{48}{60}) \\cdot 30^\\circ = 108^\\circ\\) from the top of the clock."));
    }

    @Test
    void aSlipInTheNextStepOfADerivationIsRefuted() {
        // ProcessBench math-118 steps 1-2 (first error at step 2): 48 = -36 + (n-1) × 7 gives n = 13,
        // "subtract 36 from both sides: 12 = (n-1) × 7" gives n = 19/7
        Trace t = Trace.of(
                "math-118",
                new Problem("math-118", "How many numbers are in the list -36, -29, ..., 48?", null),
                List.of(
                        "We can set up an equation using the last term (48) and the first term (-36):"
                                + " 48 = -36 + (n-1) × 7.",
                        "Subtract 36 from both sides: 12 = (n-1) × 7. Divide both sides by 7: n-1 = 12/7."));
        List<StepCheck> checks = verifier.verify(t);
        assertEquals(Verdict.UNVERIFIABLE, checks.get(0).verdict());
        assertEquals(Verdict.REFUTED, checks.get(1).verdict());
        assertEquals("12", checks.get(1).firstFalse().left());
        // the step alone has nothing to contradict
        assertEquals(Verdict.UNVERIFIABLE, verdict("Subtract 36 from both sides: 12 = (n-1) × 7."));
    }

    @Test
    void aNumberWrittenForTheSolutionMustBeItUpToTheDigitsShown() {
        // ProcessBench olympiadbench-254 step 5 (its first error): 10 + 4d = 100 gives d = 45/2
        assertEquals(Verdict.REFUTED, verdict("Solving \\( 10 + 4d = 100 \\) gives us \\( d = 20 \\)."));
        // omnimath-364 step 8 (its first error): 10 + (62 - W) = 36 gives W = 36
        assertEquals(
                Verdict.REFUTED,
                verdict("equating the two expressions for the total number of animals with horns:"
                        + " 10 + (62 - W) = 36. Simplifying the equation gives us: W = 6."));
        // rounded or truncated to the digits shown: not an error (3x = 22, x = 7.33 or 7.34)
        assertEquals(Verdict.UNVERIFIABLE, verdict("\\[3x = 22\\]\n\\[x = 7.33\\]"));
        assertEquals(Verdict.UNVERIFIABLE, verdict("\\[3x = 22\\]\n\\[x = 7.34\\]"));
        assertEquals(Verdict.REFUTED, verdict("\\[3x = 22\\]\n\\[x = 7.5\\]"));
    }

    @Test
    void sidesThatDifferByAConstantWhateverTheUnknownAreRefuted() {
        // ProcessBench gsm8k-113 step 3 (its first error): x - 16 + 100 is x + 84, not x + 69
        StepCheck c = verifier.verifyStep(
                "After using 25 bandages, the remaining bandages are \\( (x - 16 + 100) - 25 = x + 69 - 25 = x + 44 \\).",
                new HashMap<>());
        assertEquals(Verdict.REFUTED, c.verdict());
        assertEquals("(x - 16 + 100) - 25", c.firstFalse().left());
        // olympiadbench-309 step 3: 9 - 18(n-1) is 27 - 18n
        assertEquals(Verdict.REFUTED, verdict("\\[a_n = 9 - 18(n-1) = 18 - 18n\\]"));
        // an identity is verified, an equation with one solution is not refuted
        assertEquals(Verdict.VERIFIED, verdict("\\( (x - 16 + 100) - 25 = x + 59 \\)"));
        assertEquals(Verdict.UNVERIFIABLE, verdict("\\( 2x + 3 = x + 5 \\)"));
        // math-274 step 2 (its first error), several unknowns: 8 + 2 - 18 is -8, not 2
        assertEquals(
                Verdict.REFUTED, verdict("\\[ 2a + b - c = 38k + 8 + 19m + 2 - 19n - 18 = 38k + 19m - 19n + 2. \\]"));
        assertEquals(
                Verdict.VERIFIED, verdict("\\[ 2a + b - c = 38k + 8 + 19m + 2 - 19n - 18 = 38k + 19m - 19n - 8. \\]"));
        // math-708 step 2 (judged correct): a run-on of two equations, "-14 = x + 2" and "-16 = x"
        assertEquals(
                Verdict.UNVERIFIABLE, verdict("Now, let's solve Equation 1 for x: -14 = x + 2 -16 = x. So, x = -16."));
    }

    @Test
    void alternativesAndCasesAreNotOneDerivation() {
        // math-741 step 3 (judged correct): two cases of |x - 8| = 12
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict(
                        "\\[ x - 8 = 12 \\quad \\text{or} \\quad x - 8 = -12 \\] \\[ x = 20 \\quad \\text{or} \\quad x = -4 \\]"));
        // math-375 step 3 (judged correct): each case solved in its own display
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict(
                        "Solving these equations, we get: \\[ x - 4 = 1 \\implies x = 5 \\] \\[ x - 4 = 11 \\implies x = 15 \\]"));
        // olympiadbench-930 step 9 (judged correct): alternatives, then their roots in order
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict(
                        "\\[ k - 4 = 0 \\quad \\text{or} \\quad k - 8 = 0 \\]\n\\[ k = 4 \\quad \\text{or} \\quad k = 8 \\]"));
        // omnimath-986 step 3 (judged correct): a numbered list of different equations
        assertEquals(
                Verdict.VERIFIED,
                verdict(
                        "1. \\(\\frac{5 + x}{2} = 7\\)\n2. \\(\\frac{5 + 9}{2} = 7\\) (which is true but doesn't help find \\( x \\))\n"
                                + "3. \\(\\frac{x + 9}{2} = 10\\)"));
        // "1/2x" may mean 1/(2x): no solution is read from it
        assertEquals(Verdict.UNVERIFIABLE, verdict("We have 1/2x = 4. So 2x = 1/4 and x = 1/8."));
        // a consistent derivation is not refuted: 3x + 6 = 28, 3x = 22, x = 22/3 (gsm8k-182 step 2)
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict("\\[2B + 4 + B + 2 = 28\\] \\[3B + 6 = 28\\] \\[3B = 22\\] \\[B = \\frac{22}{3}\\]"));
    }

    @Test
    void correctArithmeticIsVerified() {
        assertEquals(Verdict.VERIFIED, verdict("\\(1/3 \\times 18 = 6\\) flamingos; \\(18 - 6 = 12\\) left"));
        assertEquals(
                Verdict.VERIFIED,
                verdict("\\[ 26 \\times 26 \\times 26 \\times 10^3 = 26^3 \\times 10^3 = 17,576,000 \\]"));
        assertEquals(Verdict.VERIFIED, verdict("She sold 48/2 = <<48/2=24>>24 clips."));
        assertEquals(Verdict.VERIFIED, verdict("Cost: $3.5 * 4000 = $14,000."));
        assertEquals(Verdict.VERIFIED, verdict("\\(\\frac{1}{2} \\cdot 10 = 5\\) and \\(\\sqrt{16} = 4\\)"));
    }

    @Test
    void wrongSumsInLatexAreRefuted() {
        // ProcessBench math-137 step 2: 26^4 * 10^2 is 45,697,600
        assertEquals(Verdict.REFUTED, verdict("\\[ 26^4 \\times 10^2 = 456,976,000 \\]"));
        // omnimath-64 step 2: the sum is 123321
        assertEquals(Verdict.REFUTED, verdict("\\[ = 111000 + 11100 + 1110 + 111 = 123421 \\]"));
    }

    @Test
    void roundingToTheDigitsShownIsAccepted() {
        assertEquals(Verdict.VERIFIED, verdict("10 / 3 = 3.33"));
        assertEquals(Verdict.VERIFIED, verdict("2 / 3 = 0.667"));
        // truncation and rounding to an integer are not certain errors
        assertEquals(Verdict.UNVERIFIABLE, verdict("2 / 3 = 0.66"));
        assertEquals(Verdict.UNVERIFIABLE, verdict("10 / 3 = 3"));
        assertEquals(Verdict.REFUTED, verdict("10 / 3 = 3.5"));
    }

    @Test
    void percentReadings() {
        assertEquals(Verdict.VERIFIED, verdict("20% of 50 = 10"));
        assertEquals(Verdict.VERIFIED, verdict("0.2 × 100 = 20%"));
        assertEquals(Verdict.REFUTED, verdict("20% of 50 = 15"));
        // "50 + 20%" may mean 50 · 1.2: never refuted
        assertEquals(Verdict.UNVERIFIABLE, verdict("50 + 20% = 60"));
    }

    @Test
    void approximations() {
        assertEquals(Verdict.VERIFIED, verdict("\\(\\sqrt{2} \\approx 1.414\\)"));
        assertEquals(Verdict.VERIFIED, verdict("\\(\\pi \\approx 3.14\\)"));
        assertEquals(Verdict.REFUTED, verdict("\\(\\sqrt{2} \\approx 2.5\\)"));
    }

    @Test
    void inequalities() {
        assertEquals(Verdict.VERIFIED, verdict("\\( \\frac{1}{3} < 0.34 \\)"));
        assertEquals(Verdict.REFUTED, verdict("\\( 2^{10} < 1000 \\)"));
        assertEquals(Verdict.VERIFIED, verdict("\\( 7 \\geq 5 \\)"));
    }

    @Test
    void doubtfulContextsAreNeverRefuted() {
        assertEquals(Verdict.UNVERIFIABLE, verdict("one third of \\(18 = 6\\)"));
        assertEquals(Verdict.UNVERIFIABLE, verdict("from 3:30 = 3.5 hours"));
        assertEquals(Verdict.UNVERIFIABLE, verdict("2 × 6 = 1 dozen"));
        assertEquals(Verdict.UNVERIFIABLE, verdict("\\( 2 + \\sqrt{1} = 1 \\), which is false."));
        assertEquals(Verdict.UNVERIFIABLE, verdict("\\(\\frac{1}{2} \\text{ inch} = 20 \\text{ miles}\\)"));
        assertEquals(Verdict.UNVERIFIABLE, verdict("\\[ 2x + 3 = 13 \\]"));
    }

    @Test
    void runningTotalsAreNotRefuted() {
        StepCheck c = verifier.verifyStep("5 + 3 = 8 + 2 = 10", new HashMap<>());
        assertEquals(Verdict.VERIFIED, c.verdict());
        assertEquals(Claim.Status.UNCHECKED, c.claims().get(0).status());
        assertEquals(Claim.Status.TRUE, c.claims().get(1).status());
    }

    @Test
    void bindingsCarryAcrossStepsWhenAsked() {
        StepVerifier trace = new StepVerifier(StepVerifier.Scope.TRACE, Duration.ofSeconds(1));
        Trace t = Trace.of(
                "t",
                new Problem("p", "?", null),
                List.of("Let \\(x = 12/3 = 4\\).", "so \\(2x + 3 = 11\\)", "so \\(3x = 13\\)"));
        List<StepCheck> checks = trace.verify(t);
        assertEquals(Verdict.VERIFIED, checks.get(0).verdict());
        assertEquals(Verdict.VERIFIED, checks.get(1).verdict());
        assertEquals(Verdict.REFUTED, checks.get(2).verdict());
        // plain-text binding, in the same step
        Map<String, Value> b = new HashMap<>();
        assertEquals(
                Verdict.VERIFIED,
                trace.verifyStep("her brother earns x = 10000, so 2x = 20000", b)
                        .verdict());
        assertEquals(Value.of(10000), b.get("x"));
        // a bare variable is rebound, not checked against its old value
        assertEquals(Verdict.UNVERIFIABLE, trace.verifyStep("now x = 7", b).verdict());
        assertEquals(Value.of(7), b.get("x"));
        // without bindings (the default) variables are unknown: "3x = 13" alone is not checked ...
        assertEquals(Verdict.UNVERIFIABLE, verdict("so \\(3x = 13\\)"));
        // ... but after "2x + 3 = 11" (x = 4) it contradicts the derivation (x = 13/3)
        assertEquals(Verdict.REFUTED, verifier.verify(t).get(2).verdict());
    }

    @Test
    void explanationValues() {
        StepCheck c = verifier.verifyStep("\\( \\frac{10}{4} = 2.4 \\)", new HashMap<>());
        Claim f = c.firstFalse();
        assertNotNull(f);
        assertEquals("5/2", f.leftValue());
        assertEquals("12/5", f.rightValue());
    }

    @Test
    void identitiesAreVerifiedButNeverRefuted() {
        StepCheck c = verifier.verifyStep("\\[ (x+1)^2 = x^2 + 2x + 1 = x^2 + 3x \\]", new HashMap<>());
        assertEquals(Verdict.VERIFIED, c.verdict());
        assertEquals(Claim.Status.TRUE, c.claims().get(0).status());
        // x^2 + 2x + 1 - (x^2 + 3x) = 1 - x, which is -4/3 at x = 7/3 (100/9 vs 112/9)
        assertEquals(Claim.Status.UNCHECKED, c.claims().get(1).status());
        assertEquals("100/9", c.claims().get(1).leftValue());
        assertEquals("112/9", c.claims().get(1).rightValue());
    }

    @Test
    void unicodePiIsTheConstant() {
        // ProcessBench math-262 step 0 (its first error): pi * 36 * 12 is 432 pi
        StepCheck c = verifier.verifyStep("Volume = πr^2h = π(6)^2(12) = 216π cubic inches.", new HashMap<>());
        assertEquals(Verdict.REFUTED, c.verdict());
        assertEquals("π(6)^2(12)", c.firstFalse().left());
    }

    @Test
    void decimalsWrittenInFullClaimTheExactValue() {
        // 0.971 * 1.089 = 1.057419 exactly; the step writes 1.056519 (ProcessBench olympiadbench-891)
        assertEquals(Verdict.REFUTED, verdict("\\( 0.971 \\times 1.089 = 1.056519 \\)"));
        // 18.75 + 21.43 = 40.18 exactly, so "≈ 39.18" is an error, not an approximation
        assertEquals(Verdict.REFUTED, verdict("\\( 18.75 + 21.43 \\approx 39.18 \\)"));
        // rounded inputs: 0.33 * 30 = 9.9, written 10, is within the rounding of 0.33
        assertEquals(Verdict.UNVERIFIABLE, verdict("0.33 * 30 = 10"));
        // a continuation by division is not a running total: 10*11*21/6 is 385, not 385/6
        assertEquals(Verdict.REFUTED, verdict("\\( \\frac{10 \\cdot 11 \\cdot 21}{6} = 385/6 \\)"));
    }

    @Test
    void theSameVariableInTheNextDisplayContinuesTheDerivation() {
        // ProcessBench gsm8k-153 step 5 (its first error): 165 × 6/11 = 90, not 9 × 6
        StepCheck c = verifier.verifyStep(
                "we multiply both sides by \\( \\frac{6}{11} \\): \\[ S = 165 \\times \\frac{6}{11} \\] \\[ S = 9"
                        + " \\times 6 \\] \\[ S = 54 \\]",
                new HashMap<>());
        assertEquals(Verdict.REFUTED, c.verdict());
        assertEquals("90", c.firstFalse().leftValue());
        assertEquals("54", c.firstFalse().rightValue());
        // the right derivation verifies
        assertEquals(
                Verdict.VERIFIED,
                verdict("\\[ S = 165 \\times \\frac{6}{11} \\] \\[ S = 15 \\times 6 \\] \\[ S = 90 \\]"));
    }

    @Test
    void twoValuesOfOneLetterAreNotADerivation() {
        // ProcessBench olympiadbench-505 step 4 (judged correct): the two roots of a quadratic
        assertEquals(
                Verdict.VERIFIED, verdict("\\[ x = \\frac{-15 + 1}{2} = -7 \\] \\[ x = \\frac{-15 - 1}{2} = -8 \\]"));
        assertEquals(
                Verdict.UNVERIFIABLE,
                verdict("the roots are \\[ x = \\frac{-15 + 1}{2} \\] \\[ x = \\frac{-15 - 1}{2} \\]"));
    }
}
