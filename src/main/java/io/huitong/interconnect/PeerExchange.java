package io.huitong.interconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends messages to peer platforms through the transactional outbox: {@link #send} writes the message in the
 * caller's transaction, so it leaves if and only if the change it reports commits; delivery follows at least once
 * ({@link OutboxDelivery}), in the order sent, per peer.
 */
@Component
public class PeerExchange {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Peers peers;
    private final WallClock clock;
    private final OutboxDelivery delivery;

    private final String centre;

    PeerExchange(JdbcClient jdbc, ObjectMapper json, Peers peers, WallClock clock, OutboxDelivery delivery,
            EnvelopeCodec codec) {
        this.centre = codec.centre();
        this.jdbc = jdbc;
        this.json = json;
        this.peers = peers;
        this.clock = clock;
        this.delivery = delivery;
    }

    /** This deployment's own centre code ({@code huitong.interconnect.centre}), blank when it exchanges nothing. */
    public String centre() {
        return centre;
    }

    /** Whether the centre is a peer platform (reached by messages) rather than a centre of this deployment. */
    public boolean isPeer(String centreCode) {
        return peers.isPeer(centreCode);
    }

    /**
     * Queues a message to a peer in the current transaction (there must be one) and returns its id. After the commit
     * delivery is attempted at once; until the peer acknowledges it, it is retried.
     */
    public String send(String peer, String type, String subject, Object body) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a message to a peer is sent inside the transaction of its change");
        }
        peers.get(peer);
        String id = UUID.randomUUID().toString();
        Instant now = clock.now();
        JsonNode tree = json.valueToTree(body);
        jdbc.sql("insert into interconnect_outbox (id, peer, type, subject, body, created_at, next_attempt_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, peer, type, subject, tree.toString(), Timestamp.from(now), Timestamp.from(now)).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.nudge();
            }
        });
        return id;
    }

    /** The messages sent about a subject, oldest first. */
    public List<OutboxDelivery.Sent> sentAbout(String subject) {
        return delivery.sentAbout(subject);
    }
}
