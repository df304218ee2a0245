package org.veristep.symbolic;

import java.util.List;
import java.util.Set;

/**
 * One side of a relation found in a step's text, e.g. {@code 1/3 \times 18} in {@code \(1/3 \times
 * 18 = 6\)}.
 *
 * @param start offset of the side's first character in the step text (UTF-16 index, inclusive)
 * @param end offset after the side's last character (exclusive)
 * @param expr the side rewritten for {@link org.veristep.math.MathParser}: units, money signs,
 *     thousands separators and spacing removed, a percent {@code p%} written {@code (p/100)},
 *     "of" after a fraction or percent written {@code *}
 * @param alternatives other readings of the side, for notations that written solutions use
 *     ambiguously: every {@code p%} read as the bare number {@code p} ("0.2 × 100 = 20%"), a mixed
 *     number {@code 2\frac{6}{7}} read as a product instead of 2 + 6/7; empty when there is none
 * @param hasPercent whether the side has a percent sign
 * @param decimals the decimal literals written in the side with their digits after the point (e.g.
 *     {@code 3.33}), whose value the writer may have rounded
 * @param variables names of the variables the side uses (letters in math, single letters in plain
 *     text), empty for a purely numeric side
 * @param units unit words seen beside numbers (plain words or {@code \text{}} contents), lower
 *     case
 */
public record Side(
        int start,
        int end,
        String expr,
        List<String> alternatives,
        boolean hasPercent,
        List<String> decimals,
        Set<String> variables,
        Set<String> units) {
    public Side {
        alternatives = List.copyOf(alternatives);
        decimals = List.copyOf(decimals);
        variables = Set.copyOf(variables);
        units = Set.copyOf(units);
    }

    /** {@return the side's original text within {@code stepText}} */
    public String text(String stepText) {
        return stepText.substring(start, end);
    }
}
