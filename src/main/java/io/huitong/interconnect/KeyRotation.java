package io.huitong.interconnect;

import com.nimbusds.jose.jwk.JWK;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.signing.SignatureScheme;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating this centre's signing key without stopping the exchange: a new key is staged and announced to every peer
 * ({@value #KEY_ADDED}, signed with the active key, so peers trust it as they trust the sender); once every peer has
 * acknowledged the announcement it is activated and signs; the old key is then retired ({@value #KEY_RETIRED}). While
 * both are valid, messages signed with either are accepted. An administrator may activate over a peer that is down for
 * good ({@code force}): that peer refuses messages until its administrator adds the key by hand. The peers' side: the announcements a peer sends add and
 * retire its keys here.
 */
@Component
class KeyRotation {

    static final String KEY_ADDED = "interconnect.key-added";
    static final String KEY_RETIRED = "interconnect.key-retired";

    private final CentreKeys keys;
    private final Peers peers;
    private final PeerExchange exchange;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    KeyRotation(CentreKeys keys, Peers peers, PeerExchange exchange, JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.keys = keys;
        this.peers = peers;
        this.exchange = exchange;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Stages a new key and announces it to every peer; returns its public JWK. */
    JWK stage(Operator operator) {
        JWK key = keys.stage();
        transactions.executeWithoutResult(s -> peers.all().forEach(p -> exchange.send(p.centreCode(), KEY_ADDED, null,
                Map.of("jwk", key.toJSONObject(), "by", operator.userId()))));
        return key;
    }

    /** The peers that have not yet acknowledged the announcement of a staged key. */
    List<String> unacknowledged(String keyId) {
        return peers.all().stream().map(Peer::centreCode)
                .filter(p -> jdbc.sql("select count(*) from interconnect_outbox where peer = ? and type = ? "
                        + "and delivered_at is not null and body like ?").params(p, KEY_ADDED, "%\"" + keyId + "\"%")
                        .query(Long.class).single() == 0)
                .toList();
    }

    void activate(String keyId, boolean force) {
        if (keys.key(keyId).isEmpty() || keys.isRetired(keyId)) {
            throw new NotFoundException("没有该待启用密钥 / No staged key " + keyId);
        }
        List<String> waiting = unacknowledged(keyId);
        if (keys.isStaged(keyId) && !waiting.isEmpty() && !force) {
            throw new ConflictException("以下协作平台尚未确认收到新密钥：" + String.join("、", waiting)
                    + " / These peers have not acknowledged the new key yet: " + String.join(", ", waiting));
        }
        keys.activate(keyId);
    }

    void retire(String keyId) {
        if (keys.key(keyId).isEmpty()) {
            throw new NotFoundException("没有该密钥 / No key " + keyId);
        }
        if (keyId.equals(keys.activeKeyId())) {
            throw new ConflictException("正在使用的密钥不能停用，请先启用新密钥 / The active key cannot be retired: "
                    + "activate another first");
        }
        keys.retire(keyId);
        transactions.executeWithoutResult(s -> peers.all().forEach(p -> exchange.send(p.centreCode(), KEY_RETIRED,
                null, Map.of("keyId", keyId))));
    }

    /** A peer announces a key of its own, signed with a key already trusted. */
    static final class Added implements PeerMessageHandler {

        private final Peers peers;
        private final SignatureScheme scheme;

        Added(Peers peers, SignatureScheme scheme) {
            this.peers = peers;
            this.scheme = scheme;
        }

        @Override
        public String type() {
            return KEY_ADDED;
        }

        @Override
        public void apply(PeerMessage message) {
            JWK key;
            try {
                key = JWK.parse(message.body().path("jwk").toString());
            } catch (ParseException e) {
                throw ValidationException.of("jwk", null, null, "不是有效的公钥（JWK）", "Not a public key (JWK)");
            }
            if (key.isPrivate() || !scheme.accepts(key) || key.getKeyID() == null) {
                throw ValidationException.of("jwk", key.getKeyID(), null,
                        "须为带密钥标识的 " + scheme.algorithm() + " 公钥", "A public " + scheme.algorithm()
                                + " key with a key id");
            }
            peers.addKey(message.peer(), key, message.issuedAt(), "peer:" + message.peer());
        }
    }

    /** A peer retires a key of its own: messages signed with it are refused from then on. */
    static final class Retired implements PeerMessageHandler {

        private final Peers peers;

        Retired(Peers peers) {
            this.peers = peers;
        }

        @Override
        public String type() {
            return KEY_RETIRED;
        }

        @Override
        public void apply(PeerMessage message) {
            peers.retireKey(message.peer(), message.text("keyId"), message.issuedAt());
        }
    }
}
