package org.veristep.symbolic;

/** The symbolic verifier's judgement of one step. */
public enum Verdict {
    /** at least one claim checked true and none false */
    VERIFIED,
    /** at least one claim is certainly false */
    REFUTED,
    /** no claim could be checked (none found, variables unknown, or extent doubtful) */
    UNVERIFIABLE
}
