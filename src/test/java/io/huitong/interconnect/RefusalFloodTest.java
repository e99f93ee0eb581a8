package io.huitong.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The peers' door is open to anyone (the signature is the authentication): a flood of junk from one address is
 * answered, but only so much of it is written down, so it cannot fill the refusal log or the audit trail. And a JWS
 * that is not of this exchange's type is refused even when its signature would verify.
 */
@TestPropertySource(properties = {"huitong.interconnect.centre=ZZ", "huitong.interconnect.refusals-per-minute=5"})
class RefusalFloodTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_flood_of_junk_is_answered_but_only_so_much_of_it_is_written_down() {
        for (int i = 0; i < 20; i++) {
            assertThat(deliver("junk " + i).getStatusCode().value()).isEqualTo(401);
        }
        assertThat(jdbc.sql("select count(*) from interconnect_refusal").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_entry where path = '/interconnect/messages'")
                .query(Long.class).single()).isLessThanOrEqualTo(5);
    }

    @Test
    void a_jws_of_another_type_is_refused_whatever_it_carries() {
        TestPeer peer = new TestPeer("TYP");
        assertThat(post("demo", "/api/peers", peer.registration("http://127.0.0.1:9")).getStatusCode().value())
                .isEqualTo(201);
        String signed = peer.sign("ZZ", "interconnect.key-retired", Map.of("keyId", "TYP-1"));
        String[] parts = signed.split("\\.");
        String otherType = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"ES256\",\"kid\":\"TYP-1\",\"typ\":\"JWT\"}").getBytes());
        try {
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    com.nimbusds.jose.JWSHeader.parse(new com.nimbusds.jose.util.Base64URL(otherType)),
                    new com.nimbusds.jose.Payload(new com.nimbusds.jose.util.Base64URL(parts[1])));
            jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(peer.key));
            assertThat(deliver(jws.serialize()).getStatusCode().value()).isEqualTo(401);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(jdbc.sql("select count(*) from peer_key where centre_code = 'TYP' and retired_at is null")
                .query(Long.class).single()).isEqualTo(1);
    }

    private org.springframework.http.ResponseEntity<String> deliver(String signed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/jose"));
        return http.postForEntity("/interconnect/messages", new HttpEntity<>(signed, headers), String.class);
    }
}
