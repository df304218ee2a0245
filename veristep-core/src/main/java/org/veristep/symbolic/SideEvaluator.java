package org.veristep.symbolic;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.veristep.VeristepException;
import org.veristep.math.Budget;
import org.veristep.math.Evaluator;
import org.veristep.math.Expr;
import org.veristep.math.MathParser;
import org.veristep.math.Value;

/**
 * Evaluates the sides of one step's claims with {@link MathParser} and {@link Evaluator} under one
 * time bound for the whole step, caching by expression (a chain's middle side is used twice).
 * Not thread-safe: one instance per step.
 */
final class SideEvaluator {
    private final Budget budget;
    private final Map<String, Value> cache = new HashMap<>();
    private final Map<String, Expr> parsed = new HashMap<>();
    private final java.util.Set<String> unparsable = new java.util.HashSet<>();
    private static final Value NONE = Value.of(0);

    SideEvaluator(Duration time) {
        this.budget = Budget.of(time);
    }

    /**
     * {@return the exact (or, for irrational values, double) value of {@code expr} with the given
     * bindings, or null when it does not parse, is not a single real number, uses an unbound
     * variable, divides by zero, or exceeds the time bound}
     */
    Value value(String expr, Map<String, Value> bindings) {
        String key = bindings.isEmpty() ? expr : null;
        if (key != null) {
            Value v = cache.get(key);
            if (v != null) return v == NONE ? null : v;
        }
        Value v;
        try {
            // parsed once per expression: rewritings and equations evaluate a side at several points
            Expr e = parsed.get(expr);
            if (e == null && !unparsable.contains(expr)) {
                try {
                    e = MathParser.parse(expr, budget);
                } catch (VeristepException | StackOverflowError x) {
                    unparsable.add(expr);
                    throw x;
                }
                if (numeric(e)) parsed.put(expr, e);
                else unparsable.add(expr);
            }
            v = e != null ? Evaluator.evaluate(e, bindings, budget) : null;
        } catch (VeristepException | ArithmeticException | StackOverflowError e) {
            // StackOverflowError: nesting within the depth bound of 200 can still exceed a small
            // thread stack (about 0.5 MiB needed); the side is then unreadable, as in AnswerGrader
            v = null;
        }
        if (v != null && Double.isInfinite(v.toDouble())) v = null;
        if (key != null) cache.put(key, v == null ? NONE : v);
        return v;
    }

    /** {@return whether the expression is built only of numbers, variables, constants and operations} */
    private static boolean numeric(Expr e) {
        return switch (e) {
            case Expr.Num n -> true;
            case Expr.Var v -> true;
            case Expr.Const c -> true;
            case Expr.Neg n -> numeric(n.operand());
            case Expr.Binary b -> {
                // a flat chain is a left spine: walked down in a loop, right operands recursively
                Expr x = b;
                for (; x instanceof Expr.Binary n; x = n.left()) if (!numeric(n.right())) yield false;
                yield numeric(x);
            }
            case Expr.Func f -> f.args().stream().allMatch(SideEvaluator::numeric);
            case Expr.Percent p -> numeric(p.operand());
            default -> false;
        };
    }
}
