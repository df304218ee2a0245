package org.veristep.grading;

/** The verdict of grading one answer against a gold answer. */
public sealed interface Outcome permits Outcome.Equivalent, Outcome.NotEquivalent, Outcome.Undecided {
    Equivalent EQUIVALENT = new Equivalent();
    NotEquivalent NOT_EQUIVALENT = new NotEquivalent();
    Undecided UNDECIDED = new Undecided();

    /** The answer equals the gold answer. */
    record Equivalent() implements Outcome {}

    /** The answer differs from the gold answer, or no answer was found. */
    record NotEquivalent() implements Outcome {}

    /** No verdict: the gold does not parse, or deciding would exceed the time or size bound. */
    record Undecided() implements Outcome {}
}
