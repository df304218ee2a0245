package org.veristep.symbolic;

import java.util.List;

/**
 * A chain of relations written in one place, {@code a = b = c} or {@code 0 < x ≤ 1}: {@code
 * sides.size() == relations.size() + 1}, relation {@code i} holds between side {@code i} and side
 * {@code i + 1}. A side is null where the text between two relation signs holds no expression.
 *
 * @param sides the sides in text order
 * @param relations the relation signs in text order
 * @param doubtfulStart why the first side's extent may be cut short (a word such as "of" or "half"
 *     or a glued character such as the {@code 3:} of {@code 3:30} just before it), or null
 * @param doubtfulEnd why the last side may be cut short (followed by "times", "dozen", "mod" ...),
 *     or null
 */
public record Chain(List<Side> sides, List<Relation> relations, String doubtfulStart, String doubtfulEnd) {
    public Chain {
        sides = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sides));
        relations = List.copyOf(relations);
        if (sides.size() != relations.size() + 1) {
            throw new IllegalArgumentException(sides.size() + " sides for " + relations.size() + " relations");
        }
    }
}
