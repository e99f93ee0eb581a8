package io.huitong.certification;

import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The certificates of each trading entity: registered once verified (accepted by the rules), listed by credit code. */
@Service
public class EntityCertificates {

    private final CertificateVerification verification;
    private final JdbcClient jdbc;
    private final Clock clock;

    EntityCertificates(CertificateVerification verification, JdbcClient jdbc, Clock clock) {
        this.verification = verification;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Verifies the chain for the entity in the province now and, if the rules accept it, keeps it; a refusal is 422
     * with every reason (the decision is recorded either way), a certificate registered already 409.
     */
    public EntityCertificate register(String creditCode, String pemChain, String province, String by) {
        List<X509CertificateHolder> chain = Pem.certificates(pemChain, "chain");
        X509CertificateHolder entity = chain.get(0);
        if (Pem.of(chain).length() > TrustList.MAX_CHAIN_TEXT || entity.getSubject().toString().length()
                > TrustList.MAX_NAME || entity.getIssuer().toString().length() > TrustList.MAX_NAME) {
            throw ValidationException.of("chain", Pem.of(chain).length(), TrustList.MAX_CHAIN_TEXT,
                    "证书链过大或证书主题过长", "The chain or a certificate's name is too long");
        }
        CertificateVerdict verdict = verification.verify(pemChain, creditCode, province, null).requireAccepted();
        String sha256 = TrustList.sha256(entity);
        if (jdbc.sql("select count(*) from entity_certificate where credit_code = ? and sha256 = ?")
                .params(creditCode, sha256).query(Integer.class).single() > 0) {
            throw new ConflictException("该证书已登记 / The certificate is registered for " + creditCode + " already");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into entity_certificate (id, credit_code, ca_id, province, serial_number, subject, issuer,
                    not_before, not_after, sha256, chain, decision_id, registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, creditCode, verdict.caId(), verdict.province(), verdict.serialNumber(), verdict.subject(),
                        verdict.issuer(), Timestamp.from(verdict.notBefore()), Timestamp.from(verdict.notAfter()),
                        sha256, Pem.of(chain), verdict.decisionId(), Timestamp.from(clock.instant()), by)
                .update();
        return of(creditCode).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The entity's certificates, newest first. */
    public List<EntityCertificate> of(String creditCode) {
        return jdbc.sql("select * from entity_certificate where credit_code = ? order by registered_at desc, id")
                .param(creditCode).query(EntityCertificates::map).list();
    }

    private static EntityCertificate map(ResultSet rs, int i) throws SQLException {
        return new EntityCertificate(rs.getString("id"), rs.getString("credit_code"), rs.getString("ca_id"),
                rs.getString("province"), rs.getString("serial_number"), rs.getString("subject"),
                rs.getString("issuer"), rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(), rs.getString("sha256"), rs.getString("chain"),
                rs.getString("decision_id"), rs.getTimestamp("registered_at").toInstant(),
                rs.getString("registered_by"));
    }
}
