package io.huitong.interconnect;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.security.Operator;
import java.time.Instant;

/** A message a peer sent, verified and accepted, as its handler sees it, with the address it came from. */
public record PeerMessage(String id, String peer, String type, String subject, Instant issuedAt, String address,
        JsonNode body) {

    /** A text field of the body, or null. */
    public String text(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Who acts when the message is applied: the peer platform ({@code peer:CODE}), from its address. */
    public Operator operator() {
        return new Operator("peer:" + peer, address);
    }
}
