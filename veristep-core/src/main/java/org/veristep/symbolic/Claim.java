package org.veristep.symbolic;

import java.util.Objects;

/**
 * One relation a step asserts between two expressions, and what the verifier found.
 *
 * @param leftStart offset of the left side in the step text (inclusive)
 * @param leftEnd offset after the left side (exclusive)
 * @param rightStart offset of the right side in the step text (inclusive)
 * @param rightEnd offset after the right side (exclusive)
 * @param left the left side as written
 * @param relation the relation asserted
 * @param right the right side as written
 * @param status true, false, or not checked
 * @param leftValue the left side's exact value (a fraction {@code p/q}, an integer, or {@code
 *     ≈d} for an irrational value), or null when it could not be evaluated
 * @param rightValue the right side's value, same form, or null
 * @param reason why the status was given: "equal", "rounded to 2 decimals", "unknown variable",
 *     "differs by ...", the doubt that kept a false-looking claim from being refuted
 */
public record Claim(
        int leftStart,
        int leftEnd,
        int rightStart,
        int rightEnd,
        String left,
        Relation relation,
        String right,
        Status status,
        String leftValue,
        String rightValue,
        String reason) {
    public Claim {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether a claim holds. */
    public enum Status {
        /** checked and true (possibly as a rounding of the exact value to the digits shown) */
        TRUE,
        /** checked and certainly false: refutes the step */
        FALSE,
        /** not checked or not decidable with certainty */
        UNCHECKED
    }
}
