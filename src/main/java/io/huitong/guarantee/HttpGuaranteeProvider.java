package io.huitong.guarantee;

import io.huitong.shared.signing.SignedMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The guarantee provider over HTTP (docs/rules.md C17): POST {base}/orders, /claims and /surrenders, each body a
 * message signed by the centre, each answer signed by the provider and checked before it is believed. The base address
 * is configured ({@code huitong.guarantee.provider-url}); with the demo bank it is this application's own
 * {@code /guarantee-bank}.
 */
@Component
class HttpGuaranteeProvider implements GuaranteeProvider {

    private final GuaranteeKeys keys;
    private final ObjectMapper json;
    private final Environment environment;
    private final String configuredUrl;
    private final RestClient http;

    HttpGuaranteeProvider(GuaranteeKeys keys, ObjectMapper json, Environment environment,
            @Value("${huitong.guarantee.provider-url:}") String configuredUrl) {
        this.keys = keys;
        this.json = json;
        this.environment = environment;
        this.configuredUrl = configuredUrl;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    private String base() {
        if (!configuredUrl.isBlank()) {
            return configuredUrl;
        }
        if (keys.demoBank().isEmpty()) {
            throw new ProviderException("未配置保函机构地址 huitong.guarantee.provider-url / No provider URL is configured",
                    null);
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + "/guarantee-bank";
    }

    @Override
    public Issued order(Order order) {
        return exchange("/orders", order, Issued.class);
    }

    @Override
    public void claim(Claim claim) {
        expect(exchange("/claims", claim, JsonNode.class), claim.guaranteeNo(), "CLAIMED");
    }

    @Override
    public void surrender(Surrender surrender) {
        expect(exchange("/surrenders", surrender, JsonNode.class), surrender.guaranteeNo(), "SURRENDERED");
    }

    /** A signed answer about another guarantee or state (a replayed one) is no answer. */
    private static void expect(JsonNode answer, String guaranteeNo, String status) {
        if (!guaranteeNo.equals(answer.path("guaranteeNo").asText()) || !status.equals(answer.path("status").asText())) {
            throw new ProviderException("保函机构的答复与请求不符 / The provider's answer is not about this request", null);
        }
    }

    private <T> T exchange(String path, Object message, Class<T> answer) {
        if (!keys.configured()) {
            throw new ProviderException("未配置保函机构 / No guarantee provider is configured", null);
        }
        String body;
        try {
            body = http.post().uri(base() + path).contentType(MediaType.parseMediaType(SignedMessages.MEDIA_TYPE))
                    .body(SignedMessages.sign(json, message, keys.centre())).retrieve().body(String.class);
        } catch (org.springframework.web.client.HttpClientErrorException.Conflict e) {
            throw new AlreadySettled("保函已退保或已索赔 / The guarantee is settled already", e);
        } catch (RestClientException e) {
            throw new ProviderException("保函机构拒绝或无法连接 / The guarantee provider refused or is unreachable: "
                    + e.getMessage(), e);
        }
        try {
            return SignedMessages.verify(json, body == null ? "" : body, keys.provider(), answer);
        } catch (SecurityException e) {
            throw new ProviderException("保函机构的答复签名无效 / The provider's answer is not validly signed", e);
        }
    }
}
