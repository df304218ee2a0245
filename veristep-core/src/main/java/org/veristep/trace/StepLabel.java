package org.veristep.trace;

/** A human or automatic judgement of one step. */
public enum StepLabel {
    /** The step is right and moves the solution forward (PRM800K rating +1). */
    CORRECT,
    /** The step is wrong (PRM800K rating −1; ProcessBench's first error). */
    INCORRECT,
    /** The step is acceptable but does not help (PRM800K rating 0). */
    NEUTRAL,
    /** Not judged, e.g. steps after ProcessBench's first error. */
    UNKNOWN
}
