package org.veristep.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veristep.VeristepException;

/** The client against a real loopback server: paths, headers, parsing, flavour checks, failures. */
class OpenAiClientIT {

    @Test
    void listsModelsAndResolvesPathsWithOrWithoutV1() {
        String body = "{\"object\":\"list\",\"data\":[{\"id\":\"Qwen/Qwen2.5-Math-PRM-7B\",\"object\":\"model\","
                + "\"created\":1764400000,\"owned_by\":\"vllm\",\"root\":\"Qwen/Qwen2.5-Math-PRM-7B\",\"parent\":null,"
                + "\"max_model_len\":4096,\"permission\":[]}]}";
        try (LoopbackServer server = LoopbackServer.start(r -> LoopbackServer.json(body));
                OpenAiClient c = new OpenAiClient(ClientConfig.of(server.url() + "/v1/"))) {
            ModelList m = c.models();
            assertEquals(List.of("Qwen/Qwen2.5-Math-PRM-7B"), m.ids());
            assertEquals(4096, m.data().get(0).maxModelLen());
            assertEquals("GET", server.requests().get(0).method());
            assertEquals("/v1/models", server.requests().get(0).path());
            assertNull(server.requests().get(0).headers().get("authorization"));
        }
    }

    @Test
    void sendsTheBearerTokenFromTheNamedVariable() {
        try (LoopbackServer server = LoopbackServer.start(r -> LoopbackServer.json("{\"data\":[]}"));
                OpenAiClient c =
                        new OpenAiClient(ClientConfig.of(server.url()).withApiKeyEnv("VERISTEP_TEST_API_KEY"))) {
            c.models();
            assertEquals(
                    "Bearer sk-test-0123456789",
                    server.requests().get(0).headers().get("authorization"));
            assertTrue(!c.config().toString().contains("sk-test"), "the config never holds the token");
        }
    }

    @Test
    void completionRequestCarriesOnlyTheFieldsSet() {
        String body = "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"text\":\" 4\",\"logprobs\":null,\"finish_reason\":\"length\",\"stop_reason\":null,"
                + "\"prompt_logprobs\":[null,{\"17\":{\"logprob\":-1.25,\"rank\":2,\"decoded_token\":\"+\"}}]}],"
                + "\"usage\":{\"prompt_tokens\":3,\"total_tokens\":4,\"completion_tokens\":1}}";
        try (LoopbackServer server = LoopbackServer.start(r -> LoopbackServer.json(body));
                OpenAiClient c = new OpenAiClient(ClientConfig.of(server.url()))) {
            CompletionRequest req =
                    new CompletionRequest("m", List.of("2+2="), 1, 0.0, null, 5, 1, List.of("\n"), 7L, null, null, 1);
            CompletionResponse r = c.completions(req);
            assertEquals(" 4", r.choices().get(0).text());
            assertEquals(
                    -1.25, r.choices().get(0).promptLogprobs().get(1).get("17").logprob());
            assertEquals(4, r.usage().totalTokens());
            assertEquals(3, c.stats().promptTokens());
            assertEquals(1, c.stats().completionTokens());
            assertEquals(
                    "{\"model\":\"m\",\"prompt\":[\"2+2=\"],\"n\":1,\"temperature\":0.0,\"top_k\":5,\"max_tokens\":1,"
                            + "\"stop\":[\"\\n\"],\"seed\":7,\"prompt_logprobs\":1}",
                    server.requests().get(0).body());
        }
    }

    @Test
    void openAiFlavourRejectsVllmOnlyParametersBeforeSending() {
        try (LoopbackServer server = LoopbackServer.start(r -> LoopbackServer.json("{}"));
                OpenAiClient c = new OpenAiClient(ClientConfig.of(server.url()).withFlavor(ServerFlavor.OPENAI))) {
            CompletionRequest req =
                    new CompletionRequest("m", List.of("x"), null, null, null, 20, null, null, null, null, null, null);
            VeristepException e = assertThrows(VeristepException.class, () -> c.completions(req));
            assertTrue(e.getMessage().contains("does not support top_k"), e.getMessage());
            assertTrue(
                    e.getMessage().contains("supported parameters: echo, logprobs, max_tokens, model, n,"),
                    e.getMessage());
            VeristepException p =
                    assertThrows(VeristepException.class, () -> c.pooling(new PoolingRequest("m", "x", null)));
            assertTrue(p.getMessage().contains("no /pooling endpoint"), p.getMessage());
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void malformedSuccessfulBodyIsNotRetried() {
        try (LoopbackServer server = LoopbackServer.start(r -> LoopbackServer.json("{\"data\": [1, 2"));
                OpenAiClient c = new OpenAiClient(ClientConfig.of(server.url()))) {
            VeristepException e = assertThrows(VeristepException.class, c::models);
            assertInstanceOf(HttpFailure.NonRetriable.class, e);
            assertTrue(e.getMessage().contains("unexpected response"), e.getMessage());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void refusedConnectionIsRetriedThenReportedRetriable() {
        LoopbackServer gone = LoopbackServer.start(r -> LoopbackServer.json("{}"));
        String url = gone.url();
        gone.close();
        try (OpenAiClient c =
                new OpenAiClient(ClientConfig.of(url).withRetries(2, Duration.ofMillis(5), Duration.ofMillis(20)))) {
            VeristepException e = assertThrows(VeristepException.class, c::models);
            assertTrue(e.retriable());
            assertEquals(2, c.stats().retries());
            assertEquals(3, c.stats().attempts());
        }
    }
}
