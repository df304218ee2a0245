/**
 * The one expression layer of Veristep: parsing, exact evaluation and printing of mathematical
 * expressions, shared by answer grading ({@code org.veristep.grading}) and the symbolic step
 * verifier.
 *
 * <h2>API</h2>
 *
 * <ul>
 *   <li>{@link org.veristep.math.MathParser#parse(String)} reads LaTeX ({@code \frac{3}{4} \times
 *       48}, {@code 2\pi}, {@code \sqrt[3]{x}}), plain text ({@code 3/4}, {@code 2^10}, {@code
 *       sqrt(2)}, {@code 3e8}) and Unicode ({@code ½ √ − × ÷ π}) into an {@link
 *       org.veristep.math.Expr}: a sealed interface of immutable records (numbers, variables,
 *       constants, arithmetic, functions, percent, tuples, intervals, sets, unions, matrices,
 *       relations such as {@code 5000 + 10000 = 15000}, text). Bad input throws {@link
 *       org.veristep.math.ParseException} (a {@code VeristepException.NonRetriable}) with the
 *       position; over-long or too deeply nested input throws {@link
 *       org.veristep.math.TooCostlyException}.
 *   <li>{@link org.veristep.math.Evaluator#evaluate(Expr, java.util.Map, Budget)} evaluates with
 *       variable bindings ({@code Map<String, Value>}, e.g. {@code x -> 5} for {@code 2x + 3}) to a
 *       {@link org.veristep.math.Value}: {@link org.veristep.math.Value.Exact} (a {@link
 *       org.veristep.math.BigRational}) whenever the value is rational, {@link
 *       org.veristep.math.Value.Approx} (a double) for radicals, π, trigonometric and logarithmic
 *       values. {@link org.veristep.math.Value#equal} compares two values (exactly when both are
 *       exact). An expression without a value throws {@link
 *       org.veristep.math.EvaluationException}.
 *   <li>{@link org.veristep.math.Budget} bounds every call: a deadline (default 1 s), the input
 *       length (100,000 chars), the nesting depth (200) and the size of any exact number (100,000
 *       bits, checked before the number is built), so {@code 2^{2^{2^{2^{2}}}}} is refused with
 *       {@link org.veristep.math.TooCostlyException} in microseconds. Depth counts genuine nesting
 *       (brackets, signs, powers, postfix {@code !} and {@code %}, functions and commands taking
 *       arguments), not the length of a flat chain: {@code 1 + 1 + ... + 1} of 100,000 terms is a
 *       left spine of {@link org.veristep.math.Expr.Binary} nodes that every walker (evaluation,
 *       printing, {@code equals}, {@code hashCode}) follows in a loop.
 *   <li>{@link org.veristep.math.MathPrinter#print(Expr)} prints a canonical string that parses back
 *       to an equal tree.
 * </ul>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Expr e = MathParser.parse("\\frac{3}{4} \\times 48 = 36");        // Relation(EQ)
 * Expr lhs = ((Expr.Relation) e).operands().get(0);
 * Value v = Evaluator.evaluate(lhs);                                // Exact 36
 * Value w = Evaluator.evaluate(MathParser.parse("2x + 3"), Map.of("x", Value.of(5)), Budget.defaults()); // Exact 13
 * }</pre>
 */
package org.veristep.math;
