package io.huitong.interconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.signing.SignedMessages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: for each peer, its oldest message not yet settled, then the next, in order; each attempt is
 * signed afresh with the centre's active key (a new {@code issuedAt}, the same id). A peer's 2xx settles a message as
 * delivered (the signed form is kept); a 4xx answer about the message itself (422, 409) settles it as refused, with
 * the peer's problem (413: too large for the peer, never to be taken); anything else (down, 5xx, a signature the peer does not know yet) is tried again after a back-off
 * doubling from {@code huitong.interconnect.retry-base} up to {@code retry-max}, and later messages to that peer wait;
 * a message not taken within {@code give-up-after} (7 days) is settled as refused and logged as an error.
 */
@Component
public class OutboxDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final EnvelopeCodec codec;
    private final CentreKeys keys;
    private final Peers peers;
    private final WallClock clock;
    private final Duration retryBase;
    private final Duration retryMax;
    private final boolean automatic;
    private final Duration giveUpAfter;
    private final HttpClient http;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "interconnect-delivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxDelivery(JdbcClient jdbc, ObjectMapper json, EnvelopeCodec codec, CentreKeys keys, Peers peers,
            WallClock clock, @Value("${huitong.interconnect.retry-base:PT1S}") Duration retryBase,
            @Value("${huitong.interconnect.retry-max:PT1M}") Duration retryMax,
            @Value("${huitong.interconnect.deliver:true}") boolean automatic,
            @Value("${huitong.interconnect.timeout:PT10S}") Duration timeout,
            @Value("${huitong.interconnect.give-up-after:P7D}") Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
        this.jdbc = jdbc;
        this.json = json;
        this.codec = codec;
        this.keys = keys;
        this.peers = peers;
        this.clock = clock;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.automatic = automatic;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** One message as sent, with its delivery state. */
    public record Sent(String id, String peer, String type, String subject, String body, Instant createdAt,
            int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt, Instant refusedAt,
            String signed) {

        public boolean settled() {
            return deliveredAt != null || refusedAt != null;
        }
    }

    /** Asks the worker to deliver what is due (after a commit that queued a message), unless tests drive delivery. */
    void nudge() {
        if (automatic && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    deliverDue();
                } catch (RuntimeException e) {
                    log.warn("delivery to peers failed; the sweep tries again", e);
                }
            });
        }
    }

    /** Delivers every message that is due, in order per peer; returns how many were settled. */
    public synchronized int deliverDue() {
        int settled = 0;
        for (String peer : jdbc.sql("select distinct peer from interconnect_outbox where delivered_at is null "
                + "and refused_at is null").query(String.class).list()) {
            settled += deliverTo(peer);
        }
        return settled;
    }

    private int deliverTo(String peer) {
        int settled = 0;
        while (true) {
            Sent next = jdbc.sql("select * from interconnect_outbox where peer = ? and delivered_at is null and "
                    + "refused_at is null order by seq fetch first 1 rows only").param(peer).query(this::sent)
                    .optional().orElse(null);
            if (next == null || next.nextAttemptAt().isAfter(clock.now()) || !attempt(next)) {
                return settled;
            }
            settled++;
        }
    }

    /** One attempt; true when the message is settled (delivered or refused by the peer). */
    private boolean attempt(Sent message) {
        Instant now = clock.now();
        String signed = codec.sign(new Envelope(message.id(), codec.centre(), message.peer(), message.type(),
                Envelope.VERSION, message.subject(), now, readBody(message)), keys.active());
        int status;
        String answer;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    java.net.URI.create(peers.get(message.peer()).baseUrl().replaceAll("/+$", "")
                            + "/interconnect/messages"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", SignedMessages.MEDIA_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(signed)).build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (java.io.IOException e) {
            status = 0;
            answer = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (status >= 200 && status < 300) {
            jdbc.sql("update interconnect_outbox set attempts = attempts + 1, delivered_at = ?, signed = ?, "
                    + "last_error = null where id = ?").params(Timestamp.from(now), signed, message.id()).update();
            return true;
        }
        if (status == 422 || status == 409 || status == 413) {
            jdbc.sql("update interconnect_outbox set attempts = attempts + 1, refused_at = ?, signed = ?, "
                    + "last_error = ? where id = ?")
                    .params(Timestamp.from(now), signed, truncate(status + " " + answer), message.id()).update();
            log.warn("peer {} refused message {} ({}): {}", message.peer(), message.id(), message.type(), answer);
            return true;
        }
        if (message.createdAt().plus(giveUpAfter).isBefore(now)) {
            // a peer that never takes it (gone, or a step that will not open): settled, for an administrator
            jdbc.sql("update interconnect_outbox set attempts = attempts + 1, refused_at = ?, last_error = ? "
                    + "where id = ?").params(Timestamp.from(now), truncate("gave up after " + giveUpAfter + ": "
                            + status + " " + answer), message.id()).update();
            log.error("peer {} never took message {} ({}) in {}: given up, see GET /api/interconnect/messages",
                    message.peer(), message.id(), message.type(), giveUpAfter);
            return true;
        }
        Duration wait = backOff(message.attempts() + 1);
        jdbc.sql("update interconnect_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "where id = ?").params(Timestamp.from(now.plus(wait)), truncate(status + " " + answer), message.id())
                .update();
        log.info("peer {} did not take message {} ({}; attempt {}): again in {}", message.peer(), message.id(),
                status == 0 ? answer : status, message.attempts() + 1, wait);
        return false;
    }

    /** The wait after the n-th failed attempt: the base doubled n − 1 times, never above the maximum. */
    Duration backOff(int failedAttempts) {
        Duration wait = retryBase;
        for (int i = 1; i < failedAttempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    List<Sent> sentAbout(String subject) {
        return jdbc.sql("select * from interconnect_outbox where subject = ? order by seq").param(subject)
                .query(this::sent).list();
    }

    public List<Sent> recent(String peer, int limit) {
        return (peer == null ? jdbc.sql("select * from interconnect_outbox order by seq desc fetch first ? rows only")
                .param(limit) : jdbc.sql("select * from interconnect_outbox where peer = ? order by seq desc fetch "
                        + "first ? rows only").params(peer, limit)).query(this::sent).list();
    }

    private com.fasterxml.jackson.databind.JsonNode readBody(Sent message) {
        try {
            return json.readTree(message.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox message " + message.id() + " holds no JSON", e);
        }
    }

    private Sent sent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Sent(rs.getString("id"), rs.getString("peer"), rs.getString("type"), rs.getString("subject"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                instant(rs.getTimestamp("delivered_at")), instant(rs.getTimestamp("refused_at")),
                rs.getString("signed"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
