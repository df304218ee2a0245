package org.veristep.openai;

/** A response body that reports the tokens the server processed. */
public interface ReportsUsage {
    /** {@return the token counts, or null when the server gave none} */
    Usage usage();
}
