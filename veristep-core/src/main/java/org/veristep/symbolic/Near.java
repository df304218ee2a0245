package org.veristep.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a claim pattern only in windows around its key words: a pattern that starts with a
 * lookbehind or a number would otherwise be tried at every character of every step, and the
 * verifier reads every step of every trace. The windows reach {@code before} characters before and
 * {@code after} characters after each key word; overlapping windows are merged, so a match is found
 * once. The matcher sees beyond a window (transparent bounds), so lookbehinds and word boundaries
 * read as in the whole text.
 */
final class Near {
    private Near() {}

    /**
     * {@return the matches of {@code p} in {@code text} within the windows around the occurrences
     * of {@code anchors} in {@code lower}; none when {@code maybe} is false or no anchor occurs}
     *
     * @param lower {@code text} in lower case (same length)
     */
    static List<MatchResult> matches(
            Pattern p, String text, String lower, boolean maybe, int before, int after, String... anchors) {
        if (!maybe) return List.of();
        int[] at = new int[8];
        int[] len = new int[8];
        int n = 0;
        for (String a : anchors) {
            for (int i = lower.indexOf(a); i >= 0; i = lower.indexOf(a, i + 1)) {
                if (n == at.length) {
                    at = Arrays.copyOf(at, 2 * n);
                    len = Arrays.copyOf(len, 2 * n);
                }
                at[n] = i;
                len[n++] = a.length();
            }
        }
        if (n == 0) return List.of();
        long[] windows = new long[n];
        for (int k = 0; k < n; k++) {
            int from = Math.max(0, at[k] - before);
            int to = Math.min(text.length(), at[k] + len[k] + after);
            windows[k] = ((long) from << 32) | to;
        }
        Arrays.sort(windows);
        List<MatchResult> out = new ArrayList<>();
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = (int) (windows[0] >>> 32);
        int to = (int) windows[0];
        for (int k = 1; k <= n; k++) {
            if (k < n && (int) (windows[k] >>> 32) <= to) {
                to = Math.max(to, (int) windows[k]);
                continue;
            }
            m.region(from, to);
            while (m.find()) out.add(m.toMatchResult());
            if (k < n) {
                from = (int) (windows[k] >>> 32);
                to = (int) windows[k];
            }
        }
        return out;
    }
}
