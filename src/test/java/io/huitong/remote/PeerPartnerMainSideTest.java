package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.huitong.interconnect.OutboxDelivery;
import io.huitong.support.RemoteTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The main side of a partner on another platform: the same remote-evaluation model asks it by a signed message, and
 * its signed answers complete the steps its clerks would complete in a partner of this deployment — acting as the
 * platform's own identity, which sees and does only that centre's steps.
 */
@TestPropertySource(properties = "huitong.interconnect.centre=ZZ")
class PeerPartnerMainSideTest extends RemoteTest {

    static final String PEER = "SX";

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static final ObjectMapper mapper = new ObjectMapper();
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    static HttpServer server;
    static ECKey key;

    /** SX's platform, as far as this test sees it: an endpoint on a loopback port that keeps what it is sent. */
    @BeforeAll
    static void peerPlatform() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("sx-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/interconnect/messages", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                received.add(mapper.readTree(JWSObject.parse(body).getPayload().toString()));
            } catch (java.text.ParseException e) {
                throw new java.io.IOException(e);
            }
            x.sendResponseHeaders(202, -1);
            x.close();
        });
        server.start();
    }

    @AfterAll
    static void peerPlatformDown() {
        server.stop(0);
    }

    /** SX is a centre of another province with its own platform: a centre here, a peer, an agreement with ZZ. */
    @BeforeEach
    void peerCentre() {
        if (json(get("demo", "/api/peers")).findValuesAsText("centreCode").contains(PEER)) {
            return;
        }
        ok(post("demo", "/engine-rest/group/create", """
                {"id": "centre-sx", "name": "陕西省公共资源交易中心 (peer)", "type": "WORKFLOW"}"""));
        ok(post("demo", "/api/centres", """
                {"code": "SX", "name": "陕西省公共资源交易中心", "regionCode": "610000", "groupId": "centre-sx"}"""));
        ok(post("demo", "/api/centre-agreements", """
                {"mainCentre": "ZZ", "partnerCentre": "SX", "priority": 9, "feePerSession": 3000.00,
                 "feePerExpert": 400.00, "validFrom": "2026-01-01", "terms": "豫陕远程异地评标协作协议"}"""));
        ok(post("demo", "/api/peers", """
                {"centreCode": "SX", "name": "陕西省公共资源交易平台", "baseUrl": "http://127.0.0.1:%d",
                 "agreement": "豫陕远程异地评标协作协议", "keys": [%s]}""".formatted(server.getAddress().getPort(),
                key.toPublicJWK().toJSONString())));
    }

    @Test
    void the_peer_is_asked_by_a_signed_request_with_the_avoidance_facts_and_its_signed_answer_completes_its_step() {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        ResponseEntity<String> planned = plan(evaluationId, 5, "\"SX\"");
        assertThat(planned.getStatusCode()).as(planned.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        delivery.deliverDue();

        JsonNode request = received.stream().filter(m -> m.path("type").asText().equals("remote.request"))
                .filter(m -> m.path("subject").asText().equals(evaluationId)).findFirst().orElseThrow();
        JsonNode body = request.path("body");
        assertThat(body.path("expertSeats").asInt()).isPositive();
        assertThat(body.path("avoidance").path("bidders")).hasSize(3);
        assertThat(body.path("avoidance").path("context").path("purchaserId").asText()).isEqualTo(TENDERER);
        assertThat(body.toString()).as("no bid's price or file crosses").doesNotContain("48000000");

        // SX's clerk accepts on SX's own platform; SX's answer arrives signed
        ResponseEntity<String> applied = deliver(sign("remote.answer", evaluationId, Map.of("accepted", true,
                "venue", Map.of("id", "sx-venue-1", "name", "西安远程评标室", "seats", 8), "answeredBy", "sxclerk")));
        assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(202);
        JsonNode view = view("clerk", evaluationId);
        JsonNode sx = null;
        for (JsonNode p : view.path("partners")) {
            if (p.path("centre").asText().equals(PEER)) {
                sx = p;
            }
        }
        assertThat(sx).as(view.toString()).isNotNull();
        assertThat(sx.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(sx.path("venueId").asText()).isEqualTo("sx-venue-1");
        assertThat(jdbc.sql("select answered_by from remote_partner where evaluation_id = ? and centre_code = ?")
                .params(evaluationId, PEER).query(String.class).single())
                .as("answered by the peer platform's identity").isEqualTo("peer-SX");
    }

    @Test
    void a_peer_acts_only_on_its_own_requests() {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        ResponseEntity<String> planned = plan(evaluationId, 5, null);
        assertThat(planned.getStatusCode()).as(planned.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();

        ResponseEntity<String> refused = deliver(sign("remote.answer", evaluationId, Map.of("accepted", true,
                "venue", Map.of("id", "sx-venue-1", "name", "西安远程评标室", "seats", 8))));
        assertThat(refused.getStatusCode().value()).as("SX was not asked in this evaluation").isEqualTo(422);
        assertThat(view("clerk", evaluationId).path("partners").findValuesAsText("status"))
                .doesNotContain("ACCEPTED");
    }

    private String sign(String type, String subject, Object body) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", UUID.randomUUID().toString());
        payload.put("from", PEER);
        payload.put("to", "ZZ");
        payload.put("type", type);
        payload.put("version", 1);
        payload.put("subject", subject);
        payload.put("issuedAt", Instant.now().toString());
        payload.put("body", body);
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("huitong-peer-message+jws")).build(),
                    new Payload(mapper.writeValueAsString(payload)));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> deliver(String signed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/jose"));
        return http.postForEntity("/interconnect/messages", new HttpEntity<>(signed, headers), String.class);
    }

    private void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }
}
