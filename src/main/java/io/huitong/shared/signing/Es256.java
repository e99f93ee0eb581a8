package io.huitong.shared.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/** ECDSA on P-256 with SHA-256 (ES256, RFC 7518 §3.4): the scheme of the guarantee exchange and of peer platforms. */
public final class Es256 implements SignatureScheme {

    @Override
    public JWSAlgorithm algorithm() {
        return JWSAlgorithm.ES256;
    }

    @Override
    public boolean accepts(JWK key) {
        return key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
    }

    @Override
    public JWSSigner signer(JWK privateKey) {
        try {
            return new ECDSASigner((ECKey) privateKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not an EC private key: " + e.getMessage(), e);
        }
    }

    @Override
    public JWSVerifier verifier(JWK publicKey) {
        try {
            return new ECDSAVerifier(((ECKey) publicKey).toECPublicKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not an EC public key: " + e.getMessage(), e);
        }
    }

    @Override
    public JWK generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
