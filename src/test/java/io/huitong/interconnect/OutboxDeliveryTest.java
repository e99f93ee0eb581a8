package io.huitong.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import io.huitong.support.ApiTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending to a peer through the outbox, against a real HTTP peer on a loopback port: a message leaves only with the
 * transaction that wrote it, arrives signed with the centre's published key, in order, and is retried while the
 * peer is down; a peer's refusal settles it; the centre rotates its own key without a message refused.
 */
@TestPropertySource(properties = "huitong.interconnect.centre=ZZ")
class OutboxDeliveryTest extends ApiTest {

    @Autowired
    PeerExchange exchange;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper mapper;

    HttpServer server;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(202);
    TestPeer peer;

    @BeforeEach
    void peerUp() throws IOException {
        startPeer(0);
        peer = new TestPeer("Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        ResponseEntity<String> registered = post("demo", "/api/peers",
                peer.registration("http://127.0.0.1:" + server.getAddress().getPort()));
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
    }

    /** The peer's endpoint: it answers with the status the test sets and keeps what it accepted. */
    private void startPeer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/interconnect/messages", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.get();
            if (status < 300) {
                received.add(body);
            }
            byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, reply.length);
            x.getResponseBody().write(reply);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void peerDown() {
        server.stop(0);
    }

    @Test
    void a_message_leaves_with_its_transaction_signed_with_the_published_key_and_in_order() throws Exception {
        transactions.executeWithoutResult(s -> {
            exchange.send(peer.code, "remote.request", "evaluation-1", Map.of("n", 1));
            exchange.send(peer.code, "remote.request", "evaluation-1", Map.of("n", 2));
        });
        try {
            transactions.executeWithoutResult(s -> {
                exchange.send(peer.code, "remote.request", "evaluation-1", Map.of("n", 3));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back: its message with it
        }

        assertThat(delivery.deliverDue()).isEqualTo(2);
        assertThat(received).hasSize(2);
        JWKSet published = JWKSet.parse(get(null, "/interconnect/jwks.json").getBody());
        for (int i = 0; i < 2; i++) {
            JWSObject jws = JWSObject.parse(received.get(i));
            ECKey key = (ECKey) published.getKeyByKeyId(jws.getHeader().getKeyID());
            assertThat(jws.verify(new ECDSAVerifier(key))).as("signed with the key the centre publishes").isTrue();
            JsonNode envelope = mapper.readTree(jws.getPayload().toString());
            assertThat(envelope.path("from").asText()).isEqualTo("ZZ");
            assertThat(envelope.path("to").asText()).isEqualTo(peer.code);
            assertThat(envelope.path("body").path("n").asInt()).as("in the order sent").isEqualTo(i + 1);
        }
        assertThat(exchange.sentAbout("evaluation-1")).hasSize(2).allMatch(OutboxDelivery.Sent::settled)
                .allMatch(m -> m.signed() != null);
        assertThat(delivery.deliverDue()).as("nothing delivered twice").isZero();
    }

    @Test
    void while_the_peer_is_down_messages_wait_in_order_and_are_retried_then_delivered_once() throws Exception {
        transactions.executeWithoutResult(s -> {
            exchange.send(peer.code, "remote.request", "evaluation-2", Map.of("n", 1));
            exchange.send(peer.code, "remote.request", "evaluation-2", Map.of("n", 2));
        });
        answer.set(503);
        assertThat(delivery.deliverDue()).isZero();
        assertThat(delivery.deliverDue()).isZero();
        List<OutboxDelivery.Sent> waiting = exchange.sentAbout("evaluation-2");
        assertThat(waiting.get(0).attempts()).isEqualTo(2);
        assertThat(waiting.get(0).lastError()).startsWith("503");
        assertThat(waiting.get(1).attempts()).as("a later message waits for the earlier").isZero();

        server.stop(0);
        assertThat(delivery.deliverDue()).as("peer unreachable").isZero();
        assertThat(exchange.sentAbout("evaluation-2").get(0).lastError()).startsWith("0 ");
        startPeer(server.getAddress().getPort());
        answer.set(202);

        assertThat(delivery.deliverDue()).isEqualTo(2);
        assertThat(received).hasSize(2);
        assertThat(mapper.readTree(JWSObject.parse(received.get(0)).getPayload().toString()).path("body").path("n")
                .asInt()).isEqualTo(1);
    }

    @Test
    void the_back_off_doubles_from_the_base_up_to_the_maximum() {
        OutboxDelivery backOff = new OutboxDelivery(jdbc, mapper, null, null, null, new WallClock(),
                Duration.ofSeconds(1), Duration.ofMinutes(1), false, Duration.ofSeconds(1), Duration.ofDays(7));
        assertThat(List.of(1, 2, 3, 6, 7, 20).stream().map(backOff::backOff).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(32),
                Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Test
    void a_peer_refusal_settles_the_message_with_the_peer_problem_and_the_next_one_goes() {
        transactions.executeWithoutResult(s -> exchange.send(peer.code, "remote.request", "evaluation-3",
                Map.of("n", 1)));
        answer.set(422);
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(exchange.sentAbout("evaluation-3").get(0).refusedAt()).isNotNull();
        answer.set(202);
        transactions.executeWithoutResult(s -> exchange.send(peer.code, "remote.request", "evaluation-3",
                Map.of("n", 2)));
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(received).hasSize(1);
    }

    @Test
    void the_centre_rotates_its_key_staged_announced_acknowledged_activated_then_the_old_retired() throws Exception {
        String old = JWSObject.parse(sendAndCatch("evaluation-4")).getHeader().getKeyID();

        ResponseEntity<String> staged = post("demo", "/api/interconnect/keys", null);
        assertThat(staged.getStatusCode().value()).as(staged.getBody()).isEqualTo(201);
        String fresh = json(staged).path("keyId").asText();
        assertThat(JWKSet.parse(get(null, "/interconnect/jwks.json").getBody()).getKeys()).hasSize(2);

        answer.set(503);
        delivery.deliverDue();
        ResponseEntity<String> early = post("demo", "/api/interconnect/keys/" + fresh + "/activation", null);
        assertThat(early.getStatusCode().value()).as("the peer has not acknowledged it").isEqualTo(409);
        assertThat(json(early).path("detail").asText()).contains(peer.code);

        answer.set(202);
        delivery.deliverDue();
        JWSObject announcement = JWSObject.parse(received.get(received.size() - 1));
        assertThat(announcement.getHeader().getKeyID()).as("announced under the key the peer trusts").isEqualTo(old);
        assertThat(announcement.getPayload().toString()).contains(fresh);
        JsonNode awaiting = json(get("demo", "/api/interconnect/keys")).findValue("awaiting");
        assertThat(awaiting.toString()).as("acknowledged by this peer").doesNotContain(peer.code);
        // peers of the other tests in this context are down for good: the administrator activates over them
        assertThat(post("demo", "/api/interconnect/keys/" + fresh + "/activation?force=true", null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(JWSObject.parse(sendAndCatch("evaluation-4")).getHeader().getKeyID()).isEqualTo(fresh);

        assertThat(post("demo", "/api/interconnect/keys/" + fresh + "/retirement", null).getStatusCode().value())
                .as("not the active key").isEqualTo(409);
        assertThat(post("demo", "/api/interconnect/keys/" + old + "/retirement", null).getStatusCode().value())
                .isEqualTo(200);
        delivery.deliverDue();
        assertThat(received.get(received.size() - 1)).satisfies(r -> assertThat(JWSObject.parse(r).getPayload()
                .toString()).contains("interconnect.key-retired").contains(old));
        assertThat(JWKSet.parse(get(null, "/interconnect/jwks.json").getBody()).getKeys())
                .extracting(k -> k.getKeyID()).containsExactly(fresh);
        assertThat(post("clerk", "/api/interconnect/keys", null).getStatusCode().value()).isEqualTo(403);
    }

    private String sendAndCatch(String subject) {
        transactions.executeWithoutResult(s -> exchange.send(peer.code, "remote.request", subject, Map.of()));
        delivery.deliverDue();
        return received.get(received.size() - 1);
    }
}
