package io.huitong.registry;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import io.huitong.shared.signing.SignedMessages;

/**
 * The authorities over HTTP, through a government data-sharing gateway (政务数据共享交换平台): POST
 * {@code {huitong.registry.authority.url}/business-registration}, {@code /qualifications} or {@code /personnel},
 * each body a request signed with the centre's key (JWS, ES256), each answer a message signed by the gateway and
 * checked before it is believed (docs/registry.md). Off when the demo authority is on.
 */
@Component
@ConditionalOnProperty(name = "huitong.registry.authority.demo", havingValue = "false", matchIfMissing = true)
class HttpAuthorityProvider implements AuthorityProvider {

    private final AuthorityExchange exchange;
    private final String url;
    private final RestClient http;

    HttpAuthorityProvider(AuthorityExchange exchange, @Value("${huitong.registry.authority.url:}") String url) {
        this.exchange = exchange;
        this.url = url;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    AuthorityExchange exchange() {
        return exchange;
    }

    @Override
    public Answer<BusinessRegistration> businessRegistration(String creditCode) {
        return ask(CheckKind.BUSINESS_REGISTRATION, creditCode, Message::registration);
    }

    @Override
    public Answer<List<QualificationFinding>> qualifications(String creditCode) {
        return ask(CheckKind.QUALIFICATIONS, creditCode, Message::qualifications);
    }

    @Override
    public Answer<List<PersonFinding>> personnel(String creditCode) {
        return ask(CheckKind.PERSONNEL, creditCode, Message::personnel);
    }

    private <T> Answer<T> ask(CheckKind kind, String creditCode, Function<Message, T> finding) {
        if (url.isBlank()) {
            throw new AuthorityException("未配置主管部门数据接口地址 huitong.registry.authority.url / No authority "
                    + "gateway URL is configured", null);
        }
        Request request = exchange.request(kind, creditCode);
        String signed = exchange.sign(request);
        String raw;
        try {
            raw = http.post().uri(url + kind.path()).contentType(MediaType.parseMediaType(SignedMessages.MEDIA_TYPE))
                    .body(signed).retrieve().body(String.class);
        } catch (RestClientException e) {
            throw new AuthorityException("主管部门拒绝或无法连接 / The authority refused or is unreachable: "
                    + e.getMessage(), e);
        }
        return exchange.read(request, signed, raw, finding);
    }
}
