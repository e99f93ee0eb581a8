package io.huitong.certification.web;

import io.huitong.certification.CertificateVerdict;
import io.huitong.certification.CertificateVerification;
import io.huitong.certification.EntityCertificate;
import io.huitong.certification.EntityCertificates;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "电子证书与签名 Certificates and signatures", description = "验证多 CA 证书与电子签名，登记市场主体证书 / "
        + "Verify certificates and signatures of any recognised CA; an entity's certificates")
class CertificateController {

    private final CertificateVerification verification;
    private final EntityCertificates certificates;
    private final BidderAccounts bidderAccounts;
    private final String homeProvince;

    CertificateController(CertificateVerification verification, EntityCertificates certificates,
            BidderAccounts bidderAccounts, @Value("${huitong.certification.province:41}") String homeProvince) {
        this.verification = verification;
        this.certificates = certificates;
        this.bidderAccounts = bidderAccounts;
        this.homeProvince = homeProvince;
    }

    record SignatureRequest(String content, String contentSha256, String signature, String creditCode,
            String province, Instant at) {
    }

    record CertificateRequest(String chain, String province) {
    }

    @PostMapping("/api/signature-verifications")
    @Operation(summary = "验证电子签名 Verify a signature", description = "Any user: a detached CMS (PKCS#7) "
            + "signature (Base64 DER, the signer's certificate inside) over content (Base64) or over its SHA-256 "
            + "(contentSha256, Base64 or hex; the signature must then sign attributes with a SHA-256 digest), for the "
            + "entity of creditCode, in province (GB/T 2260: two digits or a region code), at at (default now). 200 "
            + "with the verdict when accepted; 422 with every reason and its article when refused (unrecognised CA, "
            + "not recognised in the province on that day, expired or not yet valid, revoked, another entity's, "
            + "broken chain, CRL unavailable, signature altered). The decision is recorded either way.")
    CertificateVerdict verify(@RequestBody SignatureRequest request) {
        byte[] signature = base64("signature", request.signature());
        if ((request.content() == null) == (request.contentSha256() == null)) {
            throw ValidationException.of("content", null, "content or contentSha256",
                    "请提交原文 content 或其摘要 contentSha256 之一", "Give either content or contentSha256");
        }
        CertificateVerdict verdict = request.content() != null
                ? verification.verify(base64("content", request.content()), signature, request.creditCode(),
                        request.province(), request.at())
                : verification.verifyDigest(digest(request.contentSha256()), signature, request.creditCode(),
                        request.province(), request.at());
        return verdict.requireAccepted();
    }

    @PostMapping("/api/entities/{creditCode}/certificates")
    @Operation(summary = "登记市场主体证书 Register an entity's certificate", description = "A bidder account for its "
            + "own entity only (403 otherwise); centre and registration clerks and administrators for any. The chain "
            + "(PEM, the entity's certificate first) is verified now in province (default: this platform's); 201 "
            + "when accepted and kept, 422 with every reason when refused, 409 when registered already.")
    ResponseEntity<EntityCertificate> register(@PathVariable String creditCode,
            @RequestBody CertificateRequest request) {
        Operator operator = Operator.current();
        if (!operator.inAnyGroup(Groups.ADMIN, Groups.CENTRE_CLERK, Groups.REGISTRATION_CLERK)) {
            bidderAccounts.requireActsFor(operator.userId(), creditCode, "creditCode");
        }
        EntityCertificate c = certificates.register(creditCode, request.chain(),
                request.province() == null ? homeProvince : request.province(), operator.userId());
        return ResponseEntity.created(URI.create("/api/entities/" + creditCode + "/certificates/" + c.id())).body(c);
    }

    @GetMapping("/api/entities/{creditCode}/certificates")
    @Operation(summary = "市场主体的证书 An entity's certificates", description = "Any user: the certificates "
            + "registered for the entity, newest first (certificates are public by nature).")
    List<EntityCertificate> list(@PathVariable String creditCode) {
        return certificates.of(creditCode);
    }

    private static byte[] base64(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, null, "Base64", "缺少 " + field, field + " is required");
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, null, "Base64", field + " 不是 Base64 编码", field + " is not Base64");
        }
    }

    /** A SHA-256 as 64 hex digits or Base64. */
    private static byte[] digest(String value) {
        String v = value.strip();
        if (v.matches("[0-9a-fA-F]{64}")) {
            return java.util.HexFormat.of().parseHex(v);
        }
        return base64("contentSha256", v);
    }
}
