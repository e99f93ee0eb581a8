package io.huitong.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Another platform in a test: it signs messages as docs/interconnect/asyncapi.yaml says (written from the document,
 * not with Huitong's own codec) and delivers them to the platform under test.
 */
public final class PeerPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PeerPlatform() {
    }

    /** A message from one centre to another, signed with the key given, issued now. */
    public static String signed(ECKey key, String from, String to, String type, String subject, Object body) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", UUID.randomUUID().toString());
        payload.put("from", from);
        payload.put("to", to);
        payload.put("type", type);
        payload.put("version", 1);
        payload.put("subject", subject);
        payload.put("issuedAt", Instant.now().toString());
        payload.put("body", body);
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("huitong-peer-message+jws")).build(),
                    new Payload(JSON.writeValueAsString(payload)));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers a signed message to the platform's peers' door. */
    public static ResponseEntity<String> deliver(TestRestTemplate http, String signed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/jose"));
        return http.postForEntity("/interconnect/messages", new HttpEntity<>(signed, headers), String.class);
    }
}
