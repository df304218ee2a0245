package org.veristep.math;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.veristep.math.Value.Approx;
import org.veristep.math.Value.Exact;

/**
 * Evaluates an {@link Expr} to a {@link Value}: exactly on {@link BigRational} while every
 * operation keeps the value rational ({@code + - × ÷}, integer powers, roots of perfect powers,
 * factorials, binomials, percent), in double precision otherwise. Thread-safe (stateless).
 *
 * <p>Cost: every exact result is checked against {@link Budget#maxBits()} <em>before</em> it is
 * computed (a power's size is estimated from the base's bit length times the exponent), so {@code
 * 2^{2^{2^{2^{2}}}}} throws {@link TooCostlyException} instead of allocating; the deadline is checked
 * at every node. Flat chains ({@code 1 + 1 + ... + 1}, left spines of {@link Expr.Binary}) are
 * evaluated in a loop, so recursion depth follows the genuine nesting only.
 */
public final class Evaluator {
    private Evaluator() {}

    /**
     * {@return the value of {@code e} with no variables bound} under the default budget
     *
     * @throws EvaluationException when {@code e} has no real value (division by zero, a variable, a
     *     tuple, a relation ...)
     * @throws TooCostlyException when evaluation would exceed the default budget
     */
    public static Value evaluate(Expr e) {
        return evaluate(e, Map.of(), Budget.defaults());
    }

    /**
     * {@return the value of {@code e}} with the given variable bindings (keys are {@link Expr.Var}
     * names, e.g. {@code "x"}, {@code "a_1"})
     *
     * @throws EvaluationException when {@code e} has no real value or uses an unbound variable
     * @throws TooCostlyException when evaluation would exceed {@code budget}
     */
    public static Value evaluate(Expr e, Map<String, ? extends Value> bindings, Budget budget) {
        budget.checkTime();
        return switch (e) {
            case Expr.Num n -> new Exact(n.value());
            case Expr.Var v -> {
                Value x = bindings.get(v.name());
                if (x == null) throw new EvaluationException("unbound variable " + v.name());
                yield x;
            }
            case Expr.Const c ->
                switch (c.kind()) {
                    case PI -> new Approx(Math.PI);
                    case E -> new Approx(Math.E);
                    case INFINITY -> new Approx(Double.POSITIVE_INFINITY);
                };
            case Expr.Neg n -> negate(evaluate(n.operand(), bindings, budget));
            case Expr.Percent p -> divide(evaluate(p.operand(), bindings, budget), Value.of(100));
            case Expr.Binary b -> binary(b, bindings, budget);
            case Expr.Func f -> function(f, bindings, budget);
            default ->
                throw new EvaluationException(
                        "not a number: " + e.getClass().getSimpleName().toLowerCase());
        };
    }

    /** Evaluates a left spine bottom-up in a loop: a flat sum of 100,000 terms needs no deep stack. */
    private static Value binary(Expr.Binary top, Map<String, ? extends Value> bindings, Budget budget) {
        if (!(top.left() instanceof Expr.Binary)) { // the common short case, without a spine list
            Value l = evaluate(top.left(), bindings, budget);
            return apply(top, l, evaluate(top.right(), bindings, budget), budget);
        }
        List<Expr.Binary> spine = top.leftSpine();
        Value acc = evaluate(spine.getLast().left(), bindings, budget);
        for (int i = spine.size() - 1; i >= 0; i--) {
            Expr.Binary b = spine.get(i);
            acc = apply(b, acc, evaluate(b.right(), bindings, budget), budget);
        }
        return acc;
    }

    private static Value apply(Expr.Binary b, Value l, Value r, Budget budget) {
        return switch (b.op()) {
            case ADD ->
                l instanceof Exact x && r instanceof Exact y
                        ? checked(x.value().add(y.value()), budget)
                        : approx(l.toDouble() + r.toDouble());
            case SUB ->
                l instanceof Exact x && r instanceof Exact y
                        ? checked(x.value().subtract(y.value()), budget)
                        : approx(l.toDouble() - r.toDouble());
            case MUL -> {
                if (l instanceof Exact x && r instanceof Exact y) {
                    budget.checkBits((long) x.value().bitLength() + y.value().bitLength());
                    yield new Exact(x.value().multiply(y.value()));
                }
                yield approx(l.toDouble() * r.toDouble());
            }
            case DIV, RATIO -> divide(l, r);
            case POW -> power(l, r, budget);
        };
    }

    private static Exact checked(BigRational r, Budget budget) {
        budget.checkBits(r.bitLength());
        return new Exact(r);
    }

    private static Value negate(Value v) {
        return v instanceof Exact x ? new Exact(x.value().negate()) : new Approx(-v.toDouble());
    }

    private static Value divide(Value l, Value r) {
        if (r instanceof Exact y && y.value().signum() == 0) throw new EvaluationException("division by zero");
        if (l instanceof Exact x && r instanceof Exact y)
            return new Exact(x.value().divide(y.value()));
        if (r.toDouble() == 0.0) throw new EvaluationException("division by zero");
        return approx(l.toDouble() / r.toDouble());
    }

    private static Value approx(double d) {
        if (Double.isNaN(d)) throw new EvaluationException("not a real number");
        return new Approx(d);
    }

    private static Value power(Value base, Value exponent, Budget budget) {
        if (base instanceof Exact b && exponent instanceof Exact x) {
            BigRational bv = b.value();
            BigRational ev = x.value();
            if (bv.signum() == 0) {
                if (ev.signum() < 0) throw new EvaluationException("zero to a negative power");
                if (ev.signum() == 0) throw new EvaluationException("0^0 is undefined");
                return Value.of(0);
            }
            if (bv.equals(BigRational.ONE)) return Value.of(1);
            if (ev.isInteger()) {
                BigInteger n = ev.numerator();
                if (bv.equals(BigRational.of(-1))) return Value.of(n.testBit(0) ? -1 : 1);
                if (n.bitLength() > 31) throw new TooCostlyException("exponent " + abbreviate(n) + " is too large");
                budget.checkBits((long) bv.bitLength() * Math.abs(n.intValue()));
                return new Exact(bv.pow(n.intValue()));
            }
            // rational exponent p/q: exact when the q-th root is exact
            BigInteger q = ev.denominator();
            if (q.bitLength() <= 31 && ev.numerator().bitLength() <= 31) {
                int qi = q.intValue();
                int pi = ev.numerator().intValue();
                BigRational root = exactRoot(bv, qi);
                if (root != null) {
                    budget.checkBits((long) root.bitLength() * Math.abs(pi));
                    return new Exact(root.pow(pi));
                }
                if (bv.signum() < 0) {
                    if (qi % 2 == 0) throw new EvaluationException("even root of a negative number");
                    double m = Math.pow(-bv.toDouble(), ev.toDouble());
                    return approx(pi % 2 == 0 ? m : -m);
                }
            }
        }
        double b = base.toDouble();
        double x = exponent.toDouble();
        if (b < 0 && exponent instanceof Exact ex && !ex.value().isInteger()) {
            throw new EvaluationException("a negative number to a fractional power");
        }
        return approx(Math.pow(b, x));
    }

    /** {@return the exact q-th root of r, or null when it is irrational (or r < 0 and q even)} */
    static BigRational exactRoot(BigRational r, int q) {
        if (q <= 0) return null;
        if (r.signum() < 0) {
            if (q % 2 == 0) return null;
            BigRational root = exactRoot(r.negate(), q);
            return root == null ? null : root.negate();
        }
        BigInteger n = integerRoot(r.numerator(), q);
        BigInteger d = integerRoot(r.denominator(), q);
        return n == null || d == null ? null : new BigRational(n, d);
    }

    private static BigInteger integerRoot(BigInteger x, int q) {
        if (x.signum() == 0 || x.equals(BigInteger.ONE)) return x;
        if (q == 2) {
            BigInteger s = x.sqrt();
            return s.multiply(s).equals(x) ? s : null;
        }
        if (x.bitLength() / q > 4000) return null;
        // Newton iteration for floor(x^(1/q))
        BigInteger bq = BigInteger.valueOf(q);
        BigInteger y = BigInteger.ONE.shiftLeft(x.bitLength() / q + 1);
        while (true) {
            BigInteger next = y.multiply(bq.subtract(BigInteger.ONE))
                    .add(x.divide(y.pow(q - 1)))
                    .divide(bq);
            if (next.compareTo(y) >= 0) break;
            y = next;
        }
        return y.pow(q).equals(x) ? y : null;
    }

    private static Value function(Expr.Func f, Map<String, ? extends Value> bindings, Budget budget) {
        List<Expr> args = f.args();
        Value a = evaluate(args.getFirst(), bindings, budget);
        switch (f.name()) {
            case "sqrt" -> {
                if (a.toDouble() < 0 || (a instanceof Exact x && x.value().signum() < 0)) {
                    throw new EvaluationException("square root of a negative number");
                }
                if (a instanceof Exact x) {
                    BigRational r = exactRoot(x.value(), 2);
                    if (r != null) return new Exact(r);
                }
                return approx(Math.sqrt(a.toDouble()));
            }
            case "root" -> {
                Value n = evaluate(args.get(1), bindings, budget);
                if (!(n instanceof Exact ne)
                        || !ne.value().isInteger()
                        || ne.value().signum() <= 0) {
                    throw new EvaluationException("root index must be a positive integer");
                }
                return power(a, new Exact(BigRational.ONE.divide(ne.value())), budget);
            }
            case "abs" -> {
                return a instanceof Exact x
                        ? new Exact(x.value().signum() < 0 ? x.value().negate() : x.value())
                        : approx(Math.abs(a.toDouble()));
            }
            case "factorial" -> {
                return factorial(a, budget);
            }
            case "binom" -> {
                Value k = evaluate(args.get(1), bindings, budget);
                return binomial(a, k, budget);
            }
            case "floor", "ceil" -> {
                if (a instanceof Exact x) {
                    BigInteger[] qr =
                            x.value().numerator().divideAndRemainder(x.value().denominator());
                    BigInteger fl = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
                    BigInteger res = f.name().equals("floor") || qr[1].signum() == 0 ? fl : fl.add(BigInteger.ONE);
                    return Value.of(BigRational.of(res));
                }
                return approx(f.name().equals("floor") ? Math.floor(a.toDouble()) : Math.ceil(a.toDouble()));
            }
            default -> {}
        }
        if ((f.name().equals("log") || f.name().equals("ln")) && a instanceof Exact ax) {
            if (ax.value().equals(BigRational.ONE)) return Value.of(0);
            if (args.size() == 2 && evaluate(args.get(1), bindings, budget) instanceof Exact bx) {
                Value exact = exactLog(ax.value(), bx.value(), budget);
                if (exact != null) return exact;
            }
        }
        double x = a.toDouble();
        double r =
                switch (f.name()) {
                    case "sin" -> Math.sin(x);
                    case "cos" -> Math.cos(x);
                    case "tan" -> Math.tan(x);
                    case "sec" -> 1 / Math.cos(x);
                    case "csc" -> 1 / Math.sin(x);
                    case "cot" -> 1 / Math.tan(x);
                    case "arcsin" -> Math.asin(x);
                    case "arccos" -> Math.acos(x);
                    case "arctan" -> Math.atan(x);
                    case "sinh" -> Math.sinh(x);
                    case "cosh" -> Math.cosh(x);
                    case "tanh" -> Math.tanh(x);
                    case "exp" -> Math.exp(x);
                    case "ln" -> log(x);
                    case "log" ->
                        args.size() == 2
                                ? log(x)
                                        / log(evaluate(args.get(1), bindings, budget)
                                                .toDouble())
                                : log(x);
                    default -> throw new EvaluationException("unknown function " + f.name());
                };
        if (Double.isInfinite(r) && !Double.isInfinite(x))
            throw new EvaluationException(f.name() + " is undefined here");
        // exact special values keep exactness where they are certain
        if (a instanceof Exact ex
                && ex.value().signum() == 0
                && (f.name().equals("sin") || f.name().equals("tan"))) {
            return Value.of(0);
        }
        return approx(r);
    }

    /** {@return k when x = base^k for an integer k, else null} */
    private static Value exactLog(BigRational x, BigRational base, Budget budget) {
        if (x.signum() <= 0 || base.signum() <= 0 || base.equals(BigRational.ONE)) return null;
        double k = Math.log(x.toDouble()) / Math.log(base.toDouble());
        if (Double.isNaN(k) || Double.isInfinite(k) || Math.abs(k) > 10_000) return null;
        long kk = Math.round(k);
        budget.checkBits((long) base.bitLength() * Math.abs(kk));
        return base.pow((int) kk).equals(x) ? Value.of(kk) : null;
    }

    private static double log(double x) {
        if (x <= 0) throw new EvaluationException("logarithm of a non-positive number");
        return Math.log(x);
    }

    private static Value factorial(Value a, Budget budget) {
        if (!(a instanceof Exact x) || !x.value().isInteger() || x.value().signum() < 0) {
            throw new EvaluationException("factorial of a non-natural number");
        }
        BigInteger n = x.value().numerator();
        if (n.bitLength() > 31) throw new TooCostlyException("factorial of " + abbreviate(n));
        int k = n.intValue();
        budget.checkBits((long) (k * (Math.log(Math.max(k, 2)) / Math.log(2))));
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(i));
            if ((i & 1023) == 0) budget.checkTime();
        }
        return Value.of(BigRational.of(r));
    }

    private static Value binomial(Value n, Value k, Budget budget) {
        if (!(n instanceof Exact ne)
                || !(k instanceof Exact ke)
                || !ne.value().isInteger()
                || !ke.value().isInteger()) {
            throw new EvaluationException("binomial of non-integers");
        }
        BigInteger nn = ne.value().numerator();
        BigInteger kk = ke.value().numerator();
        if (kk.signum() < 0 || (nn.signum() >= 0 && kk.compareTo(nn) > 0)) return Value.of(0);
        if (kk.bitLength() > 31 || nn.bitLength() > 31) throw new TooCostlyException("binomial too large");
        int ki = kk.intValue();
        budget.checkBits((long) ki * Math.max(1, nn.bitLength()));
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < ki; i++) {
            r = r.multiply(nn.subtract(BigInteger.valueOf(i))).divide(BigInteger.valueOf(i + 1));
        }
        return Value.of(BigRational.of(r));
    }

    private static String abbreviate(BigInteger n) {
        return n.bitLength() < 64 ? n.toString() : "of " + n.bitLength() + " bits";
    }
}
