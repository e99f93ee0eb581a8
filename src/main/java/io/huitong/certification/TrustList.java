package io.huitong.certification;

import io.huitong.shared.Digests;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trust list (EB20 44; docs/rules.md K7, K8): the recognised CAs with their CA certificates and, per province,
 * the periods of recognition. Data, administered through the API by administrators only (it decides for every
 * province); every change is audited as the request that made it.
 */
@Component
public class TrustList {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** The longest subject or issuer name kept, and the longest certificate and chain (PEM), as the tables hold them. */
    static final int MAX_NAME = 1000;
    static final int MAX_CERTIFICATE = 20_000;
    static final int MAX_CHAIN_TEXT = 100_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    TrustList(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<TrustedCa> all() {
        Map<String, List<TrustedCa.Recognition>> recognitions = jdbc
                .sql("select * from ca_recognition order by ca_id, province, effective_from")
                .query(TrustList::recognition).list().stream()
                .collect(Collectors.groupingBy(TrustedCa.Recognition::caId));
        return jdbc.sql("select * from trusted_ca order by id")
                .query((rs, i) -> ca(rs, recognitions.getOrDefault(rs.getString("id"), List.of()))).list();
    }

    public Optional<TrustedCa> find(String id) {
        return all().stream().filter(ca -> ca.id().equals(id)).findFirst();
    }

    public TrustedCa get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("没有该 CA / No CA " + id + " on the trust list"));
    }

    /** Adds a CA: one CA certificate (basic constraints cA), under an id of its own. 409 for an id or certificate known. */
    @Transactional
    public TrustedCa add(String id, String name, String certificatePem, String by) {
        if (id == null || !id.matches(ID)) {
            throw ValidationException.of("id", id, ID, "CA 标识只能由字母、数字、点、横线组成，最长 64 个字符",
                    "A CA id is letters, digits, dots and dashes, at most 64");
        }
        if (name == null || name.isBlank() || name.length() > 300) {
            throw ValidationException.of("name", name, "1-300", "需要 CA 名称（最长 300 字）", "A CA name is 1 to 300 characters");
        }
        List<X509CertificateHolder> certs = Pem.certificates(certificatePem, "certificate");
        if (certs.size() != 1 || !CertificateExtensions.of(certs.get(0), "certificate", 1).isCa()
                || !CertificateExtensions.of(certs.get(0)).mayCertify()) {
            throw ValidationException.of("certificate", certs.size(), "one CA certificate",
                    "应提交一张 CA 证书（基本约束 cA=true，密钥用法允许签发证书）",
                    "Give exactly one CA certificate (basic constraints cA=true, key usage allowing keyCertSign)");
        }
        X509CertificateHolder cert = certs.get(0);
        if (cert.getSubject().toString().length() > MAX_NAME || Pem.of(cert).length() > MAX_CERTIFICATE) {
            throw ValidationException.of("certificate", Pem.of(cert).length(), MAX_CERTIFICATE,
                    "CA 证书过大或其主题过长", "The CA certificate or its subject is too long");
        }
        String sha256 = sha256(cert);
        if (find(id).isPresent() || jdbc.sql("select count(*) from trusted_ca where sha256 = ?").param(sha256)
                .query(Integer.class).single() > 0) {
            throw new ConflictException("该 CA 已在名单中 / The CA " + id + " or its certificate is on the list already");
        }
        jdbc.sql("insert into trusted_ca (id, name, certificate, subject, sha256, created_at, created_by) "
                + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, name.strip(), Pem.of(cert), cert.getSubject().toString(), sha256,
                        Timestamp.from(clock.instant()), by)
                .update();
        return get(id);
    }

    /** A province recognises the CA from one day to another (both included; {@code to} null: until further notice). */
    @Transactional
    public TrustedCa.Recognition recognise(String caId, String province, LocalDate from, LocalDate to, String basis,
            String by) {
        get(caId);
        String id = UUID.randomUUID().toString();
        String p = Provinces.of(province, "province");
        checkPeriod(from, to, basis);
        jdbc.sql("insert into ca_recognition (id, ca_id, province, effective_from, effective_to, basis, updated_at, "
                + "updated_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, caId, p, from, to, basis, Timestamp.from(clock.instant()), by).update();
        return recognition(caId, id);
    }

    /** Changes the period of a recognition (to end it, or to move its start). */
    @Transactional
    public TrustedCa.Recognition change(String caId, String recognitionId, LocalDate from, LocalDate to, String basis,
            String by) {
        recognition(caId, recognitionId);
        checkPeriod(from, to, basis);
        jdbc.sql("update ca_recognition set effective_from = ?, effective_to = ?, basis = ?, updated_at = ?, "
                + "updated_by = ? where id = ?")
                .params(from, to, basis, Timestamp.from(clock.instant()), by, recognitionId).update();
        return recognition(caId, recognitionId);
    }

    /** Replaces the certificate of a CA made by the demo profile (a new demo key); nowhere else. */
    void replaceCertificate(String caId, X509CertificateHolder cert) {
        jdbc.sql("update trusted_ca set certificate = ?, subject = ?, sha256 = ? where id = ?")
                .params(Pem.of(cert), cert.getSubject().toString(), sha256(cert), caId).update();
    }

    private TrustedCa.Recognition recognition(String caId, String id) {
        return jdbc.sql("select * from ca_recognition where id = ? and ca_id = ?").params(id, caId)
                .query(TrustList::recognition).optional()
                .orElseThrow(() -> new NotFoundException("没有该认可记录 / No recognition " + id + " of CA " + caId));
    }

    private static void checkPeriod(LocalDate from, LocalDate to, String basis) {
        if (from == null) {
            throw ValidationException.of("effectiveFrom", null, "a date", "需要认可起始日", "The first day is required");
        }
        if (to != null && to.isBefore(from)) {
            throw ValidationException.of("effectiveTo", to, from, "认可截止日早于起始日",
                    "The last day is before the first");
        }
        if (basis != null && basis.length() > 300) {
            throw ValidationException.of("basis", basis.length(), 300, "依据最长 300 字", "The basis is at most 300");
        }
    }

    static String sha256(X509CertificateHolder cert) {
        try {
            return Digests.sha256Hex(cert.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrustedCa ca(ResultSet rs, List<TrustedCa.Recognition> recognitions) throws SQLException {
        return new TrustedCa(rs.getString("id"), rs.getString("name"), rs.getString("certificate"),
                rs.getString("subject"), rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), recognitions);
    }

    private static TrustedCa.Recognition recognition(ResultSet rs, int i) throws SQLException {
        java.sql.Date to = rs.getDate("effective_to");
        return new TrustedCa.Recognition(rs.getString("id"), rs.getString("ca_id"), rs.getString("province"),
                rs.getDate("effective_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getString("basis"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
