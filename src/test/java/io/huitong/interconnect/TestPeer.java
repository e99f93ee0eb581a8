package io.huitong.interconnect;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A foreign platform in a test: its own P-256 keys, signing envelopes the way docs/interconnect/asyncapi.yaml says
 * (written here from the document, not with Huitong's own codec).
 */
final class TestPeer {

    final String code;
    ECKey key;

    TestPeer(String code) {
        this.code = code;
        this.key = newKey(code + "-1");
    }

    static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a peer registration with its public key. */
    String registration(String baseUrl) {
        return """
                {"centreCode": "%s", "name": "测试平台 Test platform %s", "baseUrl": "%s",
                 "agreement": "测试协作协议 Test agreement", "keys": [%s]}""".formatted(code, code, baseUrl,
                key.toPublicJWK().toJSONString());
    }

    String sign(String to, String type, Object body) {
        return sign(key, UUID.randomUUID().toString(), to, type, "subject-1", Instant.now(), body);
    }

    String sign(ECKey with, String id, String to, String type, String subject, Instant issuedAt, Object body) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("from", code);
        payload.put("to", to);
        payload.put("type", type);
        payload.put("version", 1);
        payload.put("subject", subject);
        payload.put("issuedAt", issuedAt.toString());
        payload.put("body", body);
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(with.getKeyID())
                    .type(new JOSEObjectType("huitong-peer-message+jws")).build(),
                    new Payload(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(payload)));
            jws.sign(new ECDSASigner(with));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
