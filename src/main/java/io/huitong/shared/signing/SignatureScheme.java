package io.huitong.shared.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;

/**
 * One kind of signing key: which JWKs it takes, the JWS algorithm it signs with, and its signer and verifier. ES256 on
 * P-256 is {@link Es256}; a deployment that signs with SM2 (SM3withSM2, GM/T 0003) adds another implementation and
 * nothing else changes.
 */
public interface SignatureScheme {

    JWSAlgorithm algorithm();

    /** Whether the key is of this scheme (its type and curve). */
    boolean accepts(JWK key);

    /** A signer for a private key of this scheme. */
    JWSSigner signer(JWK privateKey);

    /** A verifier for a public key of this scheme. */
    JWSVerifier verifier(JWK publicKey);

    /** A new key pair of this scheme, named {@code keyId}. */
    JWK generate(String keyId);
}
