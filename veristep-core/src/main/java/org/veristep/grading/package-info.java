/**
 * Answer grading: is a solution's final answer equal to the gold answer?
 *
 * <ul>
 *   <li>{@link org.veristep.grading.AnswerGrader#grade(String, String)} returns a {@link
 *       org.veristep.grading.Grade}: a sealed {@link org.veristep.grading.Outcome} (equivalent, not
 *       equivalent, undecided), a reason, the gold and extracted answer texts and both parsed
 *       expressions. Options ({@link org.veristep.grading.GradingOptions}): time bound (default 1 s),
 *       relative tolerance for irrational values, decimals matched to the precision shown, input size
 *       limits, seed of the identity-test points.
 *   <li>{@link org.veristep.grading.AnswerGrader#answerKey(String)}: a canonical key so that equal
 *       answers group together (majority and weighted vote over best-of-N samples).
 *   <li>{@link org.veristep.grading.AnswerExtractor}: the final answer of a solution (last box,
 *       answer markers, GSM8K {@code ####}, multiple-choice letters), by a documented policy;
 *       "not found" is an outcome.
 * </ul>
 *
 * Expressions are parsed and evaluated by {@link org.veristep.math}: exact rational arithmetic first,
 * numeric identity testing at seeded random points for expressions with variables. The rules of
 * equivalence are listed on {@code Equivalence} (package-private), the text clean-up rules on {@code
 * AnswerText}.
 */
package org.veristep.grading;
