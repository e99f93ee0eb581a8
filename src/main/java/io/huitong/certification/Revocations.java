package io.huitong.certification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Revocation by CRL: the list named by the certificate's CRL Distribution Points, fetched over HTTP, checked against
 * its issuer's key and kept until its nextUpdate. Only certificates already chained to a CA of the trust list are
 * looked up, so the platform fetches only addresses a recognised CA wrote.
 */
@Component
public class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);
    /** A CRL larger than this is not read. */
    static final int MAX_CRL_BYTES = 20 * 1024 * 1024;

    /** What the CRL says of one certificate at one time. */
    record Status(boolean checked, String problem, boolean revoked, Instant revokedAt) {

        static Status unavailable(String problem) {
            return new Status(false, problem, false, null);
        }
    }

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, X509CRLHolder> cache = new ConcurrentHashMap<>();

    public Revocations(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code cert}, issued by {@code issuer}, was revoked on or before {@code at}. */
    Status check(X509CertificateHolder cert, X509CertificateHolder issuer, Instant at) {
        List<String> urls = distributionPoints(cert);
        if (urls.isEmpty()) {
            return Status.unavailable("证书没有 CRL 分发点 / the certificate names no CRL distribution point");
        }
        String problem = null;
        for (String url : urls) {
            try {
                X509CRLHolder crl = crl(url, issuer);
                X509CRLEntryHolder entry = crl.getRevokedCertificate(cert.getSerialNumber());
                if (entry == null) {
                    return new Status(true, null, false, null);
                }
                Instant revokedAt = entry.getRevocationDate().toInstant();
                return new Status(true, null, !revokedAt.isAfter(at), revokedAt);
            } catch (IOException | RuntimeException e) {
                problem = url + ": " + e.getMessage();
                log.info("CRL {} not usable: {}", url, e.getMessage());
            }
        }
        return Status.unavailable(problem);
    }

    /** The CRL of the address: the one kept while before its nextUpdate, else fetched and checked anew. */
    private X509CRLHolder crl(String url, X509CertificateHolder issuer) throws IOException {
        Instant now = clock.instant();
        X509CRLHolder kept = cache.get(url);
        if (kept != null && kept.getNextUpdate() != null && now.isBefore(kept.getNextUpdate().toInstant())
                && kept.getIssuer().equals(issuer.getSubject())) {
            return kept;
        }
        X509CRLHolder crl = fetch(url);
        if (!crl.getIssuer().equals(issuer.getSubject())) {
            throw new IOException("CRL 的签发者不是证书的签发者 / the CRL's issuer is " + crl.getIssuer());
        }
        try {
            if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pem.BC).build(issuer))) {
                throw new IOException("CRL 签名无效 / the CRL's signature does not verify");
            }
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.CertException
                | java.security.cert.CertificateException e) {
            throw new IOException("CRL 签名无法验证 / the CRL's signature cannot be checked: " + e.getMessage(), e);
        }
        if (crl.getNextUpdate() != null && !now.isBefore(crl.getNextUpdate().toInstant())) {
            throw new IOException("CRL 已过期 / the CRL's nextUpdate " + crl.getNextUpdate().toInstant() + " has passed");
        }
        if (crl.getNextUpdate() != null) {
            cache.put(url, crl);
        }
        return crl;
    }

    private X509CRLHolder fetch(String url) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (body.length > MAX_CRL_BYTES) {
            throw new IOException("CRL 过大 / CRL over " + MAX_CRL_BYTES + " bytes");
        }
        if (body.length > 0 && body[0] == '-') {
            try (PEMParser pem = new PEMParser(new InputStreamReader(new ByteArrayInputStream(body),
                    StandardCharsets.US_ASCII))) {
                if (pem.readObject() instanceof X509CRLHolder crl) {
                    return crl;
                }
                throw new IOException("不是 CRL / not a CRL");
            }
        }
        try {
            return new X509CRLHolder(body);
        } catch (IOException | RuntimeException e) {
            throw new IOException("无法读取 CRL / not a CRL: " + e.getMessage(), e);
        }
    }

    /** The http(s) addresses of the certificate's CRL Distribution Points, in order. */
    static List<String> distributionPoints(X509CertificateHolder cert) {
        List<String> urls = new ArrayList<>();
        Extension ext = cert.getExtension(Extension.cRLDistributionPoints);
        if (ext == null) {
            return urls;
        }
        for (DistributionPoint point : CRLDistPoint.getInstance(ext.getParsedValue()).getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                continue;
            }
            for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String url = general.getName().toString();
                    if (url.startsWith("http://") || url.startsWith("https://")) {
                        urls.add(url);
                    }
                }
            }
        }
        return urls;
    }
}
