package org.veristep.symbolic;

import java.util.List;

/**
 * A chain of relations written in one place, {@code a = b = c} or {@code 0 < x ≤ 1}: {@code
 * sides.size() == relations.size() + 1}, relation {@code i} holds between side {@code i} and side
 * {@code i + 1}. A side is null where the text between two relation signs holds no expression. A
 * chain has two sides that are not null, or one and a {@link #label()} that may link it to the
 * chain before it. A display that starts with its relation ({@code \] \[ = 35}) has as first side
 * the expression that ends the display before it.
 *
 * @param sides the sides in text order
 * @param relations the relation signs in text order
 * @param doubtfulStart why the first side's extent may be cut short (a word such as "of" or "half"
 *     or a glued character such as the {@code 3:} of {@code 3:30} just before it), or null
 * @param doubtfulEnd why the last side may be cut short (followed by "times", "dozen", "mod" ...),
 *     or null
 * @param label when the first side is not an expression but words ("Total cost = 5 + 3"), those
 *     words in lower case; else null
 */
public record Chain(
        List<Side> sides, List<Relation> relations, String doubtfulStart, String doubtfulEnd, String label) {
    public Chain {
        sides = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sides));
        relations = List.copyOf(relations);
        if (sides.size() != relations.size() + 1) {
            throw new IllegalArgumentException(sides.size() + " sides for " + relations.size() + " relations");
        }
    }
}
