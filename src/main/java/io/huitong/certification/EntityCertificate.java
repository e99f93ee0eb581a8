package io.huitong.certification;

import java.time.Instant;

/**
 * A certificate registered for a trading entity, verified when registered (the decision {@code decisionId}).
 *
 * @param province where it was verified (GB/T 2260, two digits)
 * @param chain the chain as registered, PEM, the entity's certificate first
 */
public record EntityCertificate(String id, String creditCode, String caId, String province, String serialNumber,
        String subject, String issuer, Instant notBefore, Instant notAfter, String sha256, String chain,
        String decisionId, Instant registeredAt, String registeredBy) {
}
