package org.veristep.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.veristep.VeristepException;
import org.veristep.score.ScorerOptions;

/**
 * How to reach one OpenAI-compatible server.
 *
 * @param baseUrl the server's base URL, e.g. {@code http://127.0.0.1:8000} (a trailing {@code /v1}
 *     is accepted and ignored: paths are resolved as {@code /v1/...} and vLLM's {@code /pooling})
 * @param flavor which request fields the server accepts
 * @param apiKeyEnv name of the environment variable holding the bearer token, or null for none;
 *     the token itself is read once by {@link OpenAiClient} and never logged or printed
 * @param maxConcurrency most requests in flight to this server at once, ≥ 1
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for a whole exchange, from sending the request to the last byte of the
 *     response; longer is a retriable timeout
 * @param maxRetries retries after the first try of a retriable failure, ≥ 0
 * @param backoffBase delay before the first retry; doubled for each further one (with jitter)
 * @param backoffMax largest delay between tries (a server's Retry-After may ask for more, up to 5 minutes)
 */
public record ClientConfig(
        URI baseUrl,
        ServerFlavor flavor,
        String apiKeyEnv,
        int maxConcurrency,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration backoffBase,
        Duration backoffMax) {
    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(flavor, "flavor");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new VeristepException.NonRetriable("endpoint must be an http:// or https:// URL, got " + baseUrl);
        }
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be >= 1");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
    }

    /** Defaults: vLLM flavour, no key, 64 in flight, 10 s connect, 300 s per exchange, 6 retries, 0.5 s → 30 s backoff. */
    public static ClientConfig of(String baseUrl) {
        return new ClientConfig(
                uri(baseUrl),
                ServerFlavor.VLLM,
                null,
                64,
                Duration.ofSeconds(10),
                Duration.ofSeconds(300),
                6,
                Duration.ofMillis(500),
                Duration.ofSeconds(30));
    }

    /**
     * The options every HTTP scorer accepts (for {@code StepScorerProvider.options()}); {@code prefix}
     * names a second endpoint's options (e.g. {@code ref_} for the implicit PRM's reference model).
     */
    public static Map<String, String> options(String prefix, String what) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(prefix + "endpoint", "base URL of the " + what + " server, e.g. http://127.0.0.1:8000 (required)");
        o.put(prefix + "model", "model name served there (required)");
        o.put(prefix + "api_key_env", "environment variable holding the bearer token (default: none)");
        o.put(prefix + "flavor", "vllm | openai: which request fields the server accepts (default vllm)");
        o.put(prefix + "concurrency", "most requests in flight to this server (default 64)");
        o.put(prefix + "timeout_s", "seconds for one HTTP exchange before it is retried (default 300)");
        o.put(prefix + "max_retries", "retries on 429/5xx/timeouts/dropped connections (default 6)");
        o.put(prefix + "backoff_ms", "first retry delay in ms, doubled per retry, jittered (default 500)");
        return o;
    }

    /**
     * Reads the options of {@link #options(String, String)} with the given prefix.
     *
     * @throws VeristepException.NonRetriable when the endpoint is missing or a value is malformed
     */
    public static ClientConfig fromOptions(String scorer, ScorerOptions o, String prefix) {
        ClientConfig d = of(o.require(scorer, prefix + "endpoint"));
        int concurrency = o.getInt(scorer, prefix + "concurrency", d.maxConcurrency());
        int retries = o.getInt(scorer, prefix + "max_retries", d.maxRetries());
        double timeoutS =
                o.getDouble(scorer, prefix + "timeout_s", d.requestTimeout().toMillis() / 1000.0);
        double backoffMs =
                o.getDouble(scorer, prefix + "backoff_ms", d.backoffBase().toMillis());
        if (concurrency < 1 || retries < 0 || !(timeoutS > 0) || !(backoffMs >= 0)) {
            throw new VeristepException.NonRetriable("scorer '" + scorer + "': " + prefix + "concurrency must be >= 1, "
                    + prefix + "max_retries >= 0, " + prefix + "timeout_s > 0 and " + prefix + "backoff_ms >= 0");
        }
        return new ClientConfig(
                d.baseUrl(),
                o.get(prefix + "flavor").map(ServerFlavor::parse).orElse(ServerFlavor.VLLM),
                o.get(prefix + "api_key_env").orElse(null),
                concurrency,
                d.connectTimeout(),
                Duration.ofMillis(Math.round(timeoutS * 1000)),
                retries,
                Duration.ofMillis(Math.round(backoffMs)),
                d.backoffMax());
    }

    /** {@return this configuration with another retry budget and backoff} */
    public ClientConfig withRetries(int retries, Duration base, Duration max) {
        return new ClientConfig(
                baseUrl, flavor, apiKeyEnv, maxConcurrency, connectTimeout, requestTimeout, retries, base, max);
    }

    /** {@return this configuration with another exchange timeout} */
    public ClientConfig withRequestTimeout(Duration timeout) {
        return new ClientConfig(
                baseUrl,
                flavor,
                apiKeyEnv,
                maxConcurrency,
                connectTimeout,
                timeout,
                maxRetries,
                backoffBase,
                backoffMax);
    }

    /** {@return this configuration with another concurrency bound} */
    public ClientConfig withMaxConcurrency(int n) {
        return new ClientConfig(
                baseUrl, flavor, apiKeyEnv, n, connectTimeout, requestTimeout, maxRetries, backoffBase, backoffMax);
    }

    /** {@return this configuration reading its bearer token from environment variable {@code env}} */
    public ClientConfig withApiKeyEnv(String env) {
        return new ClientConfig(
                baseUrl,
                flavor,
                env,
                maxConcurrency,
                connectTimeout,
                requestTimeout,
                maxRetries,
                backoffBase,
                backoffMax);
    }

    /** {@return this configuration for a server of another flavour} */
    public ClientConfig withFlavor(ServerFlavor f) {
        return new ClientConfig(
                baseUrl,
                f,
                apiKeyEnv,
                maxConcurrency,
                connectTimeout,
                requestTimeout,
                maxRetries,
                backoffBase,
                backoffMax);
    }

    /** {@return the URL of {@code path} (e.g. {@code v1/completions}, {@code pooling}) on this server} */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        if (base.endsWith("/v1")) base = base.substring(0, base.length() - 3);
        return URI.create(base + "/" + path);
    }

    private static URI uri(String s) {
        try {
            return new URI(s.strip());
        } catch (URISyntaxException e) {
            throw new VeristepException.NonRetriable("endpoint '" + s + "' is not a URL: " + e.getMessage(), e);
        }
    }
}
