package org.veristep.math;

import java.util.Objects;

/**
 * The value of an expression: {@link Exact} when it is rational (computed exactly on BigInteger),
 * {@link Approx} otherwise (radicals, π, trigonometric and logarithmic functions, computed in
 * IEEE double precision, about 15-16 significant digits).
 */
public sealed interface Value permits Value.Exact, Value.Approx {
    /** {@return this value as the nearest double} */
    double toDouble();

    /** {@return an exact value} */
    static Exact of(BigRational r) {
        return new Exact(r);
    }

    /** {@return an exact integer value} */
    static Exact of(long n) {
        return new Exact(BigRational.of(n));
    }

    /** An exact rational value. */
    record Exact(BigRational value) implements Value {
        public Exact {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public double toDouble() {
            return value.toDouble();
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** An approximate real value; may be infinite, never NaN. */
    record Approx(double value) implements Value {
        public Approx {
            if (Double.isNaN(value)) throw new EvaluationException("not a real number (NaN)");
        }

        @Override
        public double toDouble() {
            return value;
        }

        @Override
        public String toString() {
            return "≈" + value;
        }
    }

    /**
     * {@return whether two values are equal}: exactly when both are {@link Exact}, otherwise within a
     * relative tolerance {@code relTol} (absolute {@code relTol} near zero); two infinities are
     * equal when their signs are.
     */
    static boolean equal(Value a, Value b, double relTol) {
        if (a instanceof Exact x && b instanceof Exact y) return x.value().equals(y.value());
        double p = a.toDouble();
        double q = b.toDouble();
        if (Double.isInfinite(p) || Double.isInfinite(q)) return p == q;
        double scale = Math.max(1.0, Math.max(Math.abs(p), Math.abs(q)));
        return Math.abs(p - q) <= relTol * scale;
    }
}
