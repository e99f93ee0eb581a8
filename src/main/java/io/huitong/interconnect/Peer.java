package io.huitong.interconnect;

import java.time.Instant;
import java.util.List;

/** A partner platform: its centre code, name, address, the agreement it works under, and its public keys. */
public record Peer(String centreCode, String name, String baseUrl, String agreement, Instant createdAt,
        List<Key> keys) {

    /** One of the peer's public keys (a JWK), and when it was added and retired. */
    public record Key(String keyId, String jwk, Instant addedAt, String addedBy, Instant retiredAt) {

        public boolean valid() {
            return retiredAt == null;
        }
    }
}
