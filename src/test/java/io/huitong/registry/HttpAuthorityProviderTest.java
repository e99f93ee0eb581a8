package io.huitong.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.huitong.registry.AuthorityProvider.AuthorityException;
import io.huitong.registry.AuthorityProvider.Message;
import io.huitong.registry.AuthorityProvider.QualificationFinding;
import io.huitong.registry.AuthorityProvider.Request;
import io.huitong.shared.Digests;
import io.huitong.shared.signing.SignedMessages;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorities' gateway over real HTTP: the request is signed with the centre's key, the answer believed only when
 * the gateway signed it and it answers this request about this entity.
 */
class HttpAuthorityProviderTest {

    static final String CODE = "91410100MA0000001X";
    final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    final AtomicReference<UnaryOperator<Message>> answer = new AtomicReference<>(UnaryOperator.identity());
    final AtomicReference<String> path = new AtomicReference<>();
    HttpServer server;
    ECKey centre;
    ECKey gateway;
    ECKey gatewaySigns;

    @BeforeEach
    void gateway() throws Exception {
        centre = new ECKeyGenerator(Curve.P_256).keyID("centre").generate();
        gateway = new ECKeyGenerator(Curve.P_256).keyID("gateway").generate();
        gatewaySigns = gateway;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] out;
            int status = 200;
            try {
                Request request = SignedMessages.verify(json, body, centre.toPublicJWK(), Request.class);
                Message message = new Message(request.requestId(), request.creditCode(), true, null,
                        List.of(new QualificationFinding("建筑工程施工总承包", "一级", "厅", "D1", LocalDate.parse("2024-01-01"),
                                LocalDate.parse("2028-12-31"))), null);
                out = SignedMessages.sign(json, answer.get().apply(message), gatewaySigns)
                        .getBytes(StandardCharsets.UTF_8);
            } catch (SecurityException e) {
                status = 401;
                out = "unsigned".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpAuthorityProvider provider() {
        return provider(centre);
    }

    private HttpAuthorityProvider provider(ECKey centreKey) {
        AuthorityKeys keys = new AuthorityKeys(centreKey.toJSONString(), gateway.toPublicJWK().toJSONString(), false);
        return new HttpAuthorityProvider(new AuthorityExchange(keys, json, clock),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway");
    }

    @Test
    void a_signed_answer_to_the_request_is_believed_and_kept_as_received() {
        AuthorityProvider.Answer<List<QualificationFinding>> found = provider().qualifications(CODE);
        assertThat(path.get()).isEqualTo("/gateway/qualifications");
        assertThat(found.authority()).isEqualTo(Source.MOHURD);
        assertThat(found.found()).singleElement().extracting(QualificationFinding::number).isEqualTo("D1");
        assertThat(found.signature()).startsWith("kid=gateway;alg=ES256;sig=");
        Request sent = SignedMessages.verify(json, found.request(), centre.toPublicJWK(), Request.class);
        assertThat(sent.creditCode()).isEqualTo(CODE);
        assertThat(sent.askedAt()).isEqualTo(clock.instant());
        assertThat(Digests.sha256Hex(found.raw())).hasSize(64);
    }

    @Test
    void an_answer_not_signed_by_the_gateway_or_not_about_the_request_is_refused() throws Exception {
        gatewaySigns = new ECKeyGenerator(Curve.P_256).keyID("gateway").generate();
        assertThatThrownBy(() -> provider().qualifications(CODE)).isInstanceOf(AuthorityException.class)
                .hasMessageContaining("not validly signed");
        gatewaySigns = gateway;
        answer.set(m -> new Message("another-request", m.creditCode(), true, null, m.qualifications(), null));
        assertThatThrownBy(() -> provider().qualifications(CODE)).isInstanceOf(AuthorityException.class)
                .hasMessageContaining("not about this request");
        answer.set(m -> new Message(m.requestId(), "91410100MA00000021", true, null, m.qualifications(), null));
        assertThatThrownBy(() -> provider().qualifications(CODE)).isInstanceOf(AuthorityException.class)
                .hasMessageContaining("not about this request");
        // a centre key the gateway does not know: the gateway refuses, and the check says so
        answer.set(UnaryOperator.identity());
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("centre").generate();
        assertThatThrownBy(() -> provider(stranger).qualifications(CODE)).isInstanceOf(AuthorityException.class)
                .hasMessageContaining("refused or is unreachable");
    }

    @Test
    void without_its_address_or_keys_the_gateway_is_not_asked() {
        AuthorityKeys none = new AuthorityKeys("", "", false);
        assertThatThrownBy(() -> new HttpAuthorityProvider(new AuthorityExchange(none, json, clock), "http://127.0.0.1:"
                + server.getAddress().getPort()).businessRegistration(CODE)).isInstanceOf(AuthorityException.class)
                .hasMessageContaining("keys are not configured");
        assertThatThrownBy(() -> new HttpAuthorityProvider(provider().exchange(), "").personnel(CODE))
                .isInstanceOf(AuthorityException.class).hasMessageContaining("No authority gateway URL");
        assertThat(path.get()).isNull();
    }
}
