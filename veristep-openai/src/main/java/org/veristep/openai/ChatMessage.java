package org.veristep.openai;

import java.util.Objects;

/**
 * One chat message.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text
 */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
    }

    /** {@return a user message} */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /** {@return a system message} */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }
}
