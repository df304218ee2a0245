package org.veristep.openai.prm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veristep.openai.LoopbackServer.Reply;
import org.veristep.openai.LoopbackServer.Request;
import org.veristep.trace.Trace;

/**
 * {@code critic} against a chat server whose test critic reads the tagged paragraphs and calls the
 * first paragraph mentioning 54 wrong (else -1), answering in \boxed{}; one vote, so step i scores 1
 * before that paragraph and 0 from it on.
 */
class CriticContractIT extends AbstractHttpScorerContract {
    static final String MODEL = "gpt-4o-2024-08-06";
    private static final Pattern PARAGRAPH =
            Pattern.compile("<paragraph_(\\d+)>\\n(.*?)\\n</paragraph_\\1>", Pattern.DOTALL);

    @Override
    String scorerName() {
        return "critic";
    }

    @Override
    Map<String, String> scorerOptions(String url) {
        Map<String, String> o = client("", url);
        o.put("model", MODEL);
        return o;
    }

    private static int firstError(Request r) {
        if (!r.path().equals("/v1/chat/completions")) throw new IllegalStateException("unexpected " + r.path());
        String content = r.json().path("messages").get(0).path("content").asText();
        Matcher m = PARAGRAPH.matcher(content);
        while (m.find()) {
            if (m.group(2).contains("54")) return Integer.parseInt(m.group(1));
        }
        return -1;
    }

    private static Reply reply(Request r, int index) {
        int n = r.json().path("n").asInt(1);
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contents.add("Paragraph by paragraph review. ... The earliest error is in paragraph " + index
                    + ".\n\n**Final answer**: \\boxed{" + index + "}");
        }
        return Wire.chat(MODEL, contents);
    }

    @Override
    Reply answer(Request r) {
        return reply(r, firstError(r));
    }

    @Override
    Reply wrongAnswer(Request r) {
        // An index past the last paragraph: no usable vote.
        return reply(r, 7);
    }

    @Override
    double[] expected(Trace t) {
        int first = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.stepTexts().get(i).contains("54")) {
                first = i;
                break;
            }
        }
        double[] e = new double[t.size()];
        for (int i = 0; i < e.length; i++) e[i] = first == -1 || i < first ? 1.0 : 0.0;
        return e;
    }
}
