package io.huitong.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import io.huitong.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Receiving from a peer platform through {@code POST /interconnect/messages}: a message signed by a registered peer's
 * key is applied once; tampered, unsigned, unknown, misaddressed, stale (replayed) messages are refused, logged and
 * change nothing; a peer rotates its key mid-exchange by a signed announcement.
 */
@TestPropertySource(properties = "huitong.interconnect.centre=ZZ")
@org.springframework.context.annotation.Import(PeerMessagesTest.Contended.class)
class PeerMessagesTest extends ApiTest {

    /**
     * A message type whose step meets another step of the same procedure committing at the same moment the first
     * time it is applied (the engine's optimistic lock), and applies the second time.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class Contended implements PeerMessageHandler {

        static final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        static final java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String type() {
            return "test.contended";
        }

        @Override
        public void apply(PeerMessage message) {
            if (attempts.incrementAndGet() == 1) {
                throw new org.camunda.bpm.engine.OptimisticLockingException("another step committed first");
            }
            applied.incrementAndGet();
        }
    }

    @Autowired
    JdbcClient jdbc;

    TestPeer peer;

    @BeforeEach
    void register() {
        peer = new TestPeer("P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        ResponseEntity<String> registered = post("demo", "/api/peers", peer.registration("http://127.0.0.1:9"));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
    }

    @Test
    void a_signed_message_from_a_registered_peer_is_applied_once_however_often_it_is_delivered() {
        ECKey second = TestPeer.newKey(peer.code + "-2");
        String signed = peer.sign("ZZ", "interconnect.key-added", Map.of("jwk", second.toPublicJWK().toJSONObject()));

        ResponseEntity<String> first = deliver(signed);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(202);
        assertThat(json(first).path("duplicate").asBoolean()).isFalse();
        assertThat(validKeys()).containsExactlyInAnyOrder(peer.code + "-1", peer.code + "-2");

        ResponseEntity<String> again = deliver(signed);
        assertThat(again.getStatusCode().value()).isEqualTo(202);
        assertThat(json(again).path("duplicate").asBoolean()).as("answered as received before").isTrue();
        assertThat(count("select count(*) from interconnect_inbox where peer = ?")).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where operator = ? and path = '/interconnect/messages'"))
                .as("each delivery audited with the peer as operator").isEqualTo(2);
    }

    @Test
    void a_message_that_meets_a_concurrent_change_is_answered_not_yet_and_applied_when_delivered_again() {
        String signed = peer.sign("ZZ", "test.contended", Map.of("note", "records handed back"));

        ResponseEntity<String> first = deliver(signed);
        assertThat(first.getStatusCode().value()).as("not refused for good: the sender delivers again")
                .isEqualTo(503);
        assertThat(first.getHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(count("select count(*) from interconnect_inbox where peer = ?")).as("nothing recorded").isZero();

        ResponseEntity<String> again = deliver(signed);
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
        assertThat(json(again).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(Contended.applied.get()).isEqualTo(1);
    }

    @Test
    void a_tampered_message_is_refused_logged_and_changes_nothing() {
        String signed = peer.sign("ZZ", "interconnect.key-added",
                Map.of("jwk", TestPeer.newKey(peer.code + "-2").toPublicJWK().toJSONObject()));
        String[] parts = signed.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(peer.code + "-2", peer.code + "-9").getBytes()) + "." + parts[2];

        assertRefused(deliver(forged), "BAD_SIGNATURE");
        assertThat(validKeys()).containsExactly(peer.code + "-1");
    }

    @Test
    void an_unsigned_message_is_refused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String signed = peer.sign("ZZ", "interconnect.key-retired", Map.of("keyId", peer.code + "-1"));
        String unsigned = header + "." + signed.split("\\.")[1] + ".";

        assertRefused(deliver(unsigned), "UNSIGNED");
        assertRefused(deliver("not a message"), "MALFORMED");
        assertThat(validKeys()).containsExactly(peer.code + "-1");
    }

    @Test
    void a_message_from_an_unknown_peer_or_an_unknown_key_is_refused() {
        TestPeer stranger = new TestPeer("NOBODY");
        assertRefused(deliver(stranger.sign("ZZ", "interconnect.key-retired", Map.of("keyId", "x"))),
                "UNKNOWN_PEER");

        ECKey unregistered = TestPeer.newKey(peer.code + "-x");
        assertRefused(deliver(peer.sign(unregistered, UUID.randomUUID().toString(), "ZZ",
                "interconnect.key-retired", "s", Instant.now(), Map.of("keyId", peer.code + "-1"))), "UNKNOWN_KEY");
        assertThat(validKeys()).containsExactly(peer.code + "-1");
    }

    @Test
    void a_message_replayed_after_the_freshness_window_or_addressed_elsewhere_is_refused() {
        Map<String, Object> body = Map.of("jwk", TestPeer.newKey(peer.code + "-2").toPublicJWK().toJSONObject());
        String old = peer.sign(peer.key, UUID.randomUUID().toString(), "ZZ", "interconnect.key-added", "s",
                Instant.now().minus(Duration.ofMinutes(6)), body);
        assertRefused(deliver(old), "STALE");
        String future = peer.sign(peer.key, UUID.randomUUID().toString(), "ZZ", "interconnect.key-added", "s",
                Instant.now().plus(Duration.ofMinutes(6)), body);
        assertRefused(deliver(future), "STALE");
        assertRefused(deliver(peer.sign("LY", "interconnect.key-added", body)), "MISADDRESSED");
        ResponseEntity<String> unknownType = deliver(peer.sign("ZZ", "remote.no-such-step", body));
        assertThat(unknownType.getStatusCode().value()).as("trusted but unreadable: settled, not retried")
                .isEqualTo(422);
        assertThat(json(unknownType).path("reason").asText()).isEqualTo("UNKNOWN_TYPE");
        assertThat(validKeys()).containsExactly(peer.code + "-1");
        assertThat(count("select count(*) from interconnect_refusal where claimed_peer = ?")).isEqualTo(4);
    }

    @Test
    void a_message_its_handler_refuses_is_answered_422_and_recorded_so_a_delivery_again_gets_the_same_answer() {
        // a private key in an announcement: the handler refuses it
        String signed = peer.sign("ZZ", "interconnect.key-added", Map.of("jwk", TestPeer.newKey("leak").toJSONObject()));

        ResponseEntity<String> refused = deliver(signed);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(json(refused).path("detail").asText()).contains("A public ES256 key");
        ResponseEntity<String> again = deliver(signed);
        assertThat(again.getStatusCode().value()).isEqualTo(422);
        assertThat(json(again).path("duplicate").asBoolean()).isTrue();
        assertThat(validKeys()).containsExactly(peer.code + "-1");
    }

    @Test
    void a_peer_rotates_its_key_while_messages_flow_two_keys_valid_at_once_then_the_old_one_refused() {
        ECKey next = TestPeer.newKey(peer.code + "-2");
        assertThat(deliver(peer.sign("ZZ", "interconnect.key-added", Map.of("jwk",
                next.toPublicJWK().toJSONObject()))).getStatusCode().value()).isEqualTo(202);
        ECKey old = peer.key;

        // both keys valid: a message signed with either is taken
        assertThat(deliver(peer.sign(old, UUID.randomUUID().toString(), "ZZ", "interconnect.key-added", "s",
                Instant.now(), Map.of("jwk", TestPeer.newKey(peer.code + "-3").toPublicJWK().toJSONObject())))
                .getStatusCode().value()).isEqualTo(202);
        peer.key = next;
        assertThat(deliver(peer.sign("ZZ", "interconnect.key-retired", Map.of("keyId", old.getKeyID())))
                .getStatusCode().value()).isEqualTo(202);

        assertRefused(deliver(peer.sign(old, UUID.randomUUID().toString(), "ZZ", "interconnect.key-retired", "s",
                Instant.now(), Map.of("keyId", peer.code + "-3"))), "UNKNOWN_KEY");
        assertThat(validKeys()).containsExactlyInAnyOrder(peer.code + "-2", peer.code + "-3");
    }

    @Test
    void registering_a_peer_is_for_administrators_and_bad_input_names_the_field() {
        TestPeer other = new TestPeer("OTHER");
        assertThat(post("clerk", "/api/peers", other.registration("http://127.0.0.1:9")).getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<String> bad = post("demo", "/api/peers", """
                {"centreCode": "ZZ", "name": "", "baseUrl": "ftp://x", "keys": [{"kty": "oct", "k": "AAAA"}]}""");
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(json(bad).findValuesAsText("field")).contains("centreCode", "name", "baseUrl", "keys[0]");
        ResponseEntity<String> twice = post("demo", "/api/peers", peer.registration("http://127.0.0.1:9"));
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<String> privateKey = post("demo", "/api/peers", """
                {"centreCode": "PRIV", "name": "x", "baseUrl": "http://127.0.0.1:9", "keys": [%s]}"""
                .formatted(TestPeer.newKey("p").toJSONString()));
        assertThat(json(privateKey).findValuesAsText("rule")).contains("validation.PublicKey");
        assertThat(jdbc.sql("select count(*) from peer where centre_code = 'PRIV'").query(Long.class).single()).isZero();
    }

    private void assertRefused(ResponseEntity<String> response, String reason) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(401);
        JsonNode problem = json(response);
        assertThat(problem.path("reason").asText()).isEqualTo(reason);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<String> deliver(String signed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/jose"));
        return http.postForEntity("/interconnect/messages", new HttpEntity<>(signed, headers), String.class);
    }

    private java.util.List<String> validKeys() {
        return jdbc.sql("select key_id from peer_key where centre_code = ? and retired_at is null")
                .param(peer.code).query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(sql.contains("operator") ? "peer:" + peer.code : peer.code).query(Long.class)
                .single();
    }
}
