/**
 * The symbolic step verifier: Veristep's embedded process reward model that needs no model.
 *
 * <p>{@link org.veristep.symbolic.ClaimFinder} locates the relations a step writes (chains {@code a
 * = b = c}, {@code ≈}, inequalities; plain text, LaTeX, Unicode, GSM8K {@code <<48/2=24>>}) and
 * rewrites each side for {@link org.veristep.math.MathParser}; {@link
 * org.veristep.symbolic.StepVerifier} evaluates the sides exactly ({@link org.veristep.math.Evaluator})
 * and decides each {@link org.veristep.symbolic.Claim} true, false or unchecked; {@link
 * org.veristep.symbolic.SymbolicScorer} is the {@code symbolic} step scorer (refuted 0, verified 1,
 * unverifiable a prior, default 1) and explains every step. Claims in words come from {@link
 * org.veristep.symbolic.FactClaims}, {@link org.veristep.symbolic.PropertyClaims}, {@link
 * org.veristep.symbolic.Restatements} and, against the problem's text, {@link
 * org.veristep.symbolic.ProblemQuotes}; across steps, {@link org.veristep.symbolic.LinearSolutions}
 * and {@link org.veristep.symbolic.LinearSystem} follow the equations a trace solves and {@link
 * org.veristep.symbolic.OtherArithmetic} the bases and moduli it names.
 *
 * <p>Precision comes first: on ProcessBench the steps the experts judged correct are refuted at
 * most 0.1% of the time on every subset ({@code SymbolicProcessBenchTest}). Every reading that could
 * make a false-looking claim true (percent, rounding to the digits shown, units, a running total,
 * a cut-off side, a sentence saying the equation does not hold, a substitution) makes it unchecked
 * instead. Tool-grounded step verification in this spirit: TaTToo, FoVer, GenPRM's code checks.
 */
package org.veristep.symbolic;
