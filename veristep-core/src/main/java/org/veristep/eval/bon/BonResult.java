package org.veristep.eval.bon;

import java.util.List;
import java.util.Optional;
import org.veristep.score.Aggregation;

/**
 * Best-of-N accuracy against n for every method and aggregation: the data of the chart
 * "best-of-N accuracy against n per method".
 *
 * @param problems number of problems evaluated
 * @param maxN the largest n (the smallest candidate count over the problems)
 * @param ns the values of n evaluated, ascending: 1, 2, 4, … and maxN itself when it is not a power
 *     of two
 * @param grouping the name of the answer grouping used for voting
 * @param points one point per (method, aggregation, n), ordered by method, aggregation, then n
 */
public record BonResult(int problems, int maxN, List<Integer> ns, String grouping, List<BonPoint> points) {
    public BonResult {
        ns = List.copyOf(ns);
        points = List.copyOf(points);
    }

    /** {@return the point of a method (aggregation null for maj and pass) at n, if evaluated} */
    public Optional<BonPoint> point(BonMethod method, Aggregation aggregation, int n) {
        return points.stream()
                .filter(p -> p.method() == method && p.aggregation() == aggregation && p.n() == n)
                .findFirst();
    }
}
