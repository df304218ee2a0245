package org.veristep.symbolic;

/** A relation a step's text asserts between two expressions. */
public enum Relation {
    /** {@code =} */
    EQ("="),
    /** {@code ≈}, {@code \approx}, "= about", "= approximately" */
    APPROX("≈"),
    /** {@code <} */
    LT("<"),
    /** {@code >} */
    GT(">"),
    /** {@code ≤}, {@code \le}, {@code \leq} */
    LE("≤"),
    /** {@code ≥}, {@code \ge}, {@code \geq} */
    GE("≥"),
    /** {@code ≠}, {@code \neq}: found but never checked */
    NE("≠"),
    /** a property or fact stated in words: "54 is not divisible by 9", "30 is days in March" */
    IS("is");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** {@return the relation's symbol as shown to users} */
    public String symbol() {
        return symbol;
    }

    /**
     * {@return whether {@code cmp} (the sign of left − right: -1, 0 or 1) satisfies this relation};
     * {@link #APPROX}, {@link #NE} and {@link #IS} are decided elsewhere and answer {@code cmp == 0}
     * here
     */
    boolean holds(int cmp) {
        return switch (this) {
            case EQ, APPROX, IS -> cmp == 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            case GE -> cmp >= 0;
            case NE -> cmp != 0;
        };
    }
}
