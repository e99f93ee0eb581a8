/**
 * Signed messages (JWS, RFC 7515) between the platform and parties outside it: guarantee providers and peer platforms.
 * A {@link io.huitong.shared.signing.SignatureScheme} is one kind of key (ES256 on P-256 here; SM2 with SM3 would be
 * another implementation of the same interface).
 */
@org.springframework.modulith.NamedInterface("signing")
package io.huitong.shared.signing;
