package org.veristep.eval.bon;

import java.util.List;
import java.util.Optional;

/**
 * Top-1 selection of the known-correct candidate, per aggregation, for one scorer's score file.
 *
 * @param benchmark {@code rewardmath} (1 correct + 9 wrong per problem) or {@code rewardbench}
 *     (chosen vs rejected pairs: the accuracy is the pairwise accuracy)
 * @param model the scorer the file holds scores of (taken from the file name)
 * @param problems number of problems (pairs)
 * @param candidates candidates per problem (the largest count)
 * @param stepLevel whether the file holds per-step scores (a PRM) rather than one score per solution
 * @param points one point per aggregation, or one {@code scalar} point when not step-level
 */
public record SelectionResult(
        String benchmark, String model, int problems, int candidates, boolean stepLevel, List<SelectionPoint> points) {
    public SelectionResult {
        points = List.copyOf(points);
    }

    /** {@return the point of an aggregation label, if evaluated} */
    public Optional<SelectionPoint> point(String aggregation) {
        return points.stream().filter(p -> p.aggregation().equals(aggregation)).findFirst();
    }
}
