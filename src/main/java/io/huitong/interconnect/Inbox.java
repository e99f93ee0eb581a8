package io.huitong.interconnect;

import io.huitong.interconnect.EnvelopeCodec.Opened;
import io.huitong.interconnect.Refusal.Reason;
import io.huitong.shared.web.BadRequestException;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.ValidationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives the messages peers send. A message is opened ({@link EnvelopeCodec}: signature, peer, key, address,
 * freshness) or refused and logged; then, in one transaction, it is recorded under its id and applied by the handler
 * of its type. A message already recorded is not applied again: its first outcome is the answer (a peer that lost our
 * acknowledgement delivers again). A handler's refusal is recorded as the message's outcome and answered as such.
 */
@Component
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** What became of a received message. */
    public enum Outcome {
        APPLIED, REFUSED
    }

    /** The answer to a delivery: the outcome, whether it was a delivery again of one already received, the problem. */
    public record Receipt(String id, String peer, Outcome outcome, boolean duplicate, String problem) {
    }

    /** One message as received. */
    public record Received(String id, String peer, String type, String subject, Instant issuedAt, Instant receivedAt,
            String keyId, String signed, Outcome outcome, String problem) {
    }

    private final EnvelopeCodec codec;
    private final JdbcClient jdbc;
    private final WallClock clock;
    private final Map<String, PeerMessageHandler> handlers;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;

    private final int refusalsPerMinute;

    Inbox(EnvelopeCodec codec, JdbcClient jdbc, WallClock clock, List<PeerMessageHandler> handlers,
            PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Value("${huitong.interconnect.refusals-per-minute:30}")
            int refusalsPerMinute) {
        this.refusalsPerMinute = refusalsPerMinute;
        this.codec = codec;
        this.jdbc = jdbc;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(PeerMessageHandler::type, Function.identity()));
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Opens, records and applies a signed message; a {@link Refusal} when it cannot be trusted. */
    public Receipt receive(String signed, String address) {
        Opened opened;
        try {
            opened = codec.open(signed);
            if (opened.envelope().id().length() > 36) {
                throw new Refusal(Reason.MALFORMED, "message id longer than 36", opened.envelope().from(), null,
                        opened.envelope().issuedAt());
            }
            if (!handlers.containsKey(opened.envelope().type())) {
                throw new Refusal(Reason.UNKNOWN_TYPE, opened.envelope().type(), opened.envelope().from(),
                        opened.envelope().id(), opened.envelope().issuedAt());
            }
        } catch (Refusal refusal) {
            logRefusal(refusal, address);
            throw refusal;
        }
        Envelope e = opened.envelope();
        Optional<Receipt> earlier;
        try {
            earlier = earlier(e.id(), e.from());
        } catch (Refusal refusal) {
            // the id is another peer's message's
            logRefusal(refusal, address);
            throw refusal;
        }
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transaction.execute(s -> {
                insert(opened, Outcome.APPLIED, null);
                handlers.get(e.type()).apply(new PeerMessage(e.id(), e.from(), e.type(), e.subject(), e.issuedAt(),
                        address, e.body()));
                return new Receipt(e.id(), e.from(), Outcome.APPLIED, false, null);
            });
        } catch (DuplicateKeyException concurrent) {
            // the same message delivered twice at once: the other delivery recorded it (or the handler's own
            // write clashed: refused like any rule of this side)
            Optional<Receipt> again = earlier(e.id(), e.from());
            return again.isPresent() ? again.get() : refuse(opened, concurrent);
        } catch (PeerMessageHandler.NotYet early) {
            log.info("message {} ({}) from {} is early: {}", e.id(), e.type(), e.from(), early.getMessage());
            throw early;
        } catch (io.huitong.shared.web.ConcurrentChangeException | org.camunda.bpm.engine.OptimisticLockingException
                | org.springframework.dao.PessimisticLockingFailureException concurrent) {
            // a step of this side committed at the same moment: nothing was applied, the sender delivers again
            log.info("message {} ({}) from {} met a concurrent change: {}", e.id(), e.type(), e.from(),
                    concurrent.getMessage());
            throw new PeerMessageHandler.NotYet("同时有其他办理，稍后重投 / A concurrent change on this side: deliver "
                    + "again");
        } catch (ValidationException | ConflictException | NotFoundException | BadRequestException
                | RuleRefusalException | IllegalArgumentException | java.util.NoSuchElementException
                | org.springframework.security.access.AccessDeniedException
                | org.springframework.dao.DataIntegrityViolationException refused) {
            return refuse(opened, refused);
        }
    }

    /** A trusted message this side's rules refuse: recorded with the problem, so a delivery again gets the same. */
    private Receipt refuse(Opened opened, RuntimeException refused) {
        Envelope e = opened.envelope();
        String problem = refused.getMessage();
        log.info("message {} ({}) from {} refused: {}", e.id(), e.type(), e.from(), problem);
        try {
            ownTransaction.executeWithoutResult(s -> insert(opened, Outcome.REFUSED, problem));
        } catch (DuplicateKeyException concurrent) {
            return earlier(e.id(), e.from()).orElseThrow(() -> concurrent);
        }
        return new Receipt(e.id(), e.from(), Outcome.REFUSED, false, problem);
    }

    private Optional<Receipt> earlier(String id, String peer) {
        return jdbc.sql("select outcome, problem, peer from interconnect_inbox where id = ?").param(id)
                .query((rs, i) -> {
                    if (!rs.getString("peer").equals(peer)) {
                        // another peer's id: not this message; refused rather than answered with the other's outcome
                        throw new Refusal(Reason.MALFORMED, "message id already used by another peer", peer, id, null);
                    }
                    return new Receipt(id, peer, Outcome.valueOf(rs.getString("outcome")), true, rs.getString("problem"));
                }).optional();
    }

    private void insert(Opened opened, Outcome outcome, String problem) {
        Envelope e = opened.envelope();
        jdbc.sql("insert into interconnect_inbox (id, peer, type, subject, issued_at, received_at, key_id, signed, "
                + "outcome, problem) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.from(), e.type(), e.subject(), Timestamp.from(e.issuedAt()),
                        Timestamp.from(clock.now()), opened.keyId(), opened.signed(), outcome.name(),
                        problem == null || problem.length() <= 1000 ? problem : problem.substring(0, 1000))
                .update();
    }

    /**
     * Whether a refusal from this address is still written down: past {@code huitong.interconnect.refusals-per-minute}
     * in the last minute, a flood of junk is answered but not written down.
     */
    private boolean keepsRefusalsFrom(String address) {
        return jdbc.sql("select count(*) from interconnect_refusal where address = ? and at > ?")
                .params(address, Timestamp.from(clock.now().minusSeconds(60))).query(Long.class)
                .single() < refusalsPerMinute;
    }

    private void logRefusal(Refusal refusal, String address) {
        refusal.written(keepsRefusalsFrom(address));
        if (!refusal.written()) {
            return;
        }
        log.warn("message refused from {} (claims {}, id {}): {}", address, refusal.claimedPeer(),
                refusal.messageId(), refusal.getMessage());
        ownTransaction.executeWithoutResult(s -> jdbc.sql("insert into interconnect_refusal (at, address, "
                + "claimed_peer, message_id, issued_at, reason, detail) values (?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.now()), address, cut(refusal.claimedPeer(), 32),
                        cut(refusal.messageId(), 100),
                        refusal.issuedAt() == null ? null : Timestamp.from(refusal.issuedAt()),
                        refusal.reason().name(), cut(refusal.getMessage(), 1000))
                .update());
    }

    public List<Received> receivedAbout(String subject) {
        return jdbc.sql("select * from interconnect_inbox where subject = ? order by received_at, id").param(subject)
                .query(this::received).list();
    }

    public List<Received> recent(String peer, int limit) {
        return (peer == null ? jdbc.sql("select * from interconnect_inbox order by received_at desc fetch first ? rows "
                + "only").param(limit) : jdbc.sql("select * from interconnect_inbox where peer = ? order by received_at "
                        + "desc fetch first ? rows only").params(peer, limit)).query(this::received).list();
    }

    /** A refused message as logged. */
    public record Refused(long id, Instant at, String address, String claimedPeer, String messageId,
            Instant issuedAt, String reason, String detail) {
    }

    public List<Refused> refusals(int limit) {
        return jdbc.sql("select * from interconnect_refusal order by id desc fetch first ? rows only").param(limit)
                .query((rs, i) -> new Refused(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("address"), rs.getString("claimed_peer"), rs.getString("message_id"),
                        rs.getTimestamp("issued_at") == null ? null : rs.getTimestamp("issued_at").toInstant(),
                        rs.getString("reason"), rs.getString("detail")))
                .list();
    }

    private Received received(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Received(rs.getString("id"), rs.getString("peer"), rs.getString("type"), rs.getString("subject"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                rs.getString("key_id"), rs.getString("signed"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("problem"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
