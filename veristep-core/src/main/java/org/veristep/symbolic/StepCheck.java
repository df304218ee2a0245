package org.veristep.symbolic;

import java.util.List;
import java.util.Objects;

/**
 * The symbolic verifier's result for one step.
 *
 * @param verdict verified, refuted or unverifiable
 * @param claims every claim found in the step, in text order
 */
public record StepCheck(Verdict verdict, List<Claim> claims) {
    public StepCheck {
        Objects.requireNonNull(verdict, "verdict");
        claims = List.copyOf(claims);
    }

    /** {@return the first false claim, or null when the step is not refuted} */
    public Claim firstFalse() {
        for (Claim c : claims) if (c.status() == Claim.Status.FALSE) return c;
        return null;
    }
}
