package io.huitong.interconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import io.huitong.interconnect.Refusal.Reason;
import io.huitong.shared.signing.SignatureScheme;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs an envelope as a compact JWS (header: algorithm, key id, type {@value #TYPE}; payload: the envelope's JSON)
 * and opens one a peer sent: parsed, from a known peer, signed by one of its valid keys, addressed to this centre,
 * of a version spoken here and issued within the freshness window of the wall clock — or refused with the reason.
 */
@Component
class EnvelopeCodec {

    static final String TYPE = "huitong-peer-message+jws";

    private final ObjectMapper json;
    private final SignatureScheme scheme;
    private final Peers peers;
    private final WallClock clock;
    private final String centre;
    private final Duration freshness;

    EnvelopeCodec(ObjectMapper json, SignatureScheme scheme, Peers peers, WallClock clock,
            @Value("${huitong.interconnect.centre:}") String centre,
            @Value("${huitong.interconnect.freshness:PT5M}") Duration freshness) {
        this.json = json;
        this.scheme = scheme;
        this.peers = peers;
        this.clock = clock;
        this.centre = centre;
        this.freshness = freshness;
    }

    String centre() {
        return centre;
    }

    String sign(Envelope envelope, JWK key) {
        try {
            ObjectNode payload = json.createObjectNode();
            payload.put("id", envelope.id());
            payload.put("from", envelope.from());
            payload.put("to", envelope.to());
            payload.put("type", envelope.type());
            payload.put("version", envelope.version());
            payload.put("subject", envelope.subject());
            payload.put("issuedAt", envelope.issuedAt().toString());
            payload.set("body", envelope.body());
            JWSObject jws = new JWSObject(new JWSHeader.Builder(scheme.algorithm()).keyID(key.getKeyID())
                    .type(new JOSEObjectType(TYPE)).build(), new Payload(json.writeValueAsString(payload)));
            jws.sign(scheme.signer(key));
            return jws.serialize();
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot sign a message to " + envelope.to(), e);
        }
    }

    /** The envelope of a signed message and the key that signed it, or a {@link Refusal}. */
    Opened open(String compact) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.strip());
        } catch (ParseException e) {
            // an unsecured JWS ("alg": "none") is not a JWSObject: it fails here too
            throw new Refusal(compact.strip().split("\\.", -1).length == 3 ? Reason.UNSIGNED : Reason.MALFORMED,
                    e.getMessage(), null, null, null);
        }
        JsonNode payload;
        try {
            payload = json.readTree(jws.getPayload().toString());
        } catch (IOException e) {
            throw new Refusal(Reason.MALFORMED, "payload is not JSON", null, null, null);
        }
        // read before the signature is checked: only to log and to find the key, never trusted until verified
        String from = text(payload, "from");
        String id = text(payload, "id");
        Instant issuedAt = instant(payload);
        if (!scheme.algorithm().equals(jws.getHeader().getAlgorithm()) || jws.getHeader().getType() == null
                || !TYPE.equals(jws.getHeader().getType().getType())) {
            throw new Refusal(Reason.UNSIGNED, String.valueOf(jws.getHeader().getAlgorithm()), from, id, issuedAt);
        }
        Peer peer = from == null ? null : peers.find(from).orElse(null);
        if (peer == null) {
            throw new Refusal(Reason.UNKNOWN_PEER, from, from, id, issuedAt);
        }
        String keyId = jws.getHeader().getKeyID();
        Peer.Key key = peer.keys().stream().filter(k -> k.valid() && k.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new Refusal(Reason.UNKNOWN_KEY, keyId, from, id, issuedAt));
        try {
            if (!jws.verify(scheme.verifier(JWK.parse(key.jwk())))) {
                throw new Refusal(Reason.BAD_SIGNATURE, null, from, id, issuedAt);
            }
        } catch (JOSEException | ParseException | IllegalArgumentException e) {
            throw new Refusal(Reason.BAD_SIGNATURE, e.getMessage(), from, id, issuedAt);
        }
        if (!centre.equals(text(payload, "to"))) {
            throw new Refusal(Reason.MISADDRESSED, text(payload, "to"), from, id, issuedAt);
        }
        if (payload.path("version").asInt(-1) != Envelope.VERSION) {
            throw new Refusal(Reason.UNSUPPORTED_VERSION, payload.path("version").asText(), from, id, issuedAt);
        }
        Instant now = clock.now();
        if (issuedAt == null || id == null || text(payload, "type") == null
                || issuedAt.isBefore(now.minus(freshness)) || issuedAt.isAfter(now.plus(freshness))) {
            throw new Refusal(issuedAt == null || id == null ? Reason.MALFORMED : Reason.STALE,
                    issuedAt + " at " + now, from, id, issuedAt);
        }
        Envelope envelope = new Envelope(id, from, centre, text(payload, "type"), Envelope.VERSION,
                text(payload, "subject"), issuedAt, payload.path("body"));
        return new Opened(envelope, keyId, compact.strip());
    }

    /** A verified message: its envelope, the key that signed it and the signed form as received. */
    record Opened(Envelope envelope, String keyId, String signed) {
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode payload) {
        try {
            String at = text(payload, "issuedAt");
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
