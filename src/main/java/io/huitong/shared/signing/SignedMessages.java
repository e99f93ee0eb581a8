package io.huitong.shared.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.text.ParseException;

/**
 * Signed messages between the centre and another party (a guarantee provider, a peer platform): each body is a JWS (RFC 7515, ES256) over the JSON
 * message. The bank specification (C17) signs with SM3withSM2; the exchange is the same, the algorithm is the
 * party's choice of key (see the README).
 */
public final class SignedMessages {

    public static final String MEDIA_TYPE = "application/jose";

    private SignedMessages() {
    }

    public static String sign(ObjectMapper json, Object message, ECKey key) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    new Payload(json.writeValueAsString(message)));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot sign a message", e);
        }
    }

    /** The message, if its signature is the key's; otherwise an exception naming why. */
    public static <T> T verify(ObjectMapper json, String compact, ECKey publicKey, Class<T> type) {
        try {
            JWSObject jws = JWSObject.parse(compact.strip());
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
                    || !jws.verify(new ECDSAVerifier(publicKey.toECPublicKey()))) {
                throw new SecurityException("签名无效 / the signature does not verify");
            }
            return json.readValue(jws.getPayload().toString(), type);
        } catch (ParseException | JOSEException | IOException e) {
            throw new SecurityException("不是有效的签名消息 / not a valid signed message", e);
        }
    }
}
