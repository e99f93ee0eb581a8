package io.huitong.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * The cryptographic facts of a chain for the rules (CertificateFacts): whether each certificate is signed by the one
 * above it and the top by a CA of the trust list, the validity window, what the CRLs say, the credit codes in the
 * subject, the key usage of the entity's key and the constraints of the CAs above it, and where the CA is recognised.
 * Decides nothing. The certificates' extensions were read before (CertificateExtensions: 422 when malformed).
 */
@Component
class CertificateChecks {

    private final TrustList trustList;
    private final Revocations revocations;

    CertificateChecks(TrustList trustList, Revocations revocations) {
        this.trustList = trustList;
        this.revocations = revocations;
    }

    /** The facts, and the CA the chain ends at (null when none of the trust list). */
    record Found(CertificateFacts facts, TrustedCa ca) {
    }

    /** A CA of the trust list with its certificate read. */
    private record Anchor(TrustedCa ca, X509CertificateHolder certificate) {
    }

    Found facts(List<X509CertificateHolder> chain, Holder holder, String province, Instant at,
            Boolean signatureValid, String signatureProblem) {
        String problem = linkProblem(chain);
        X509CertificateHolder top = chain.get(chain.size() - 1);
        List<Anchor> anchors = trustList.all().stream()
                .map(ca -> new Anchor(ca, Pem.certificates(ca.certificate(), "trustList").get(0))).toList();
        String topSha = TrustList.sha256(top);
        Anchor anchor = anchors.stream().filter(a -> a.ca().sha256().equals(topSha)).findFirst().orElse(null);
        List<X509CertificateHolder> path = new ArrayList<>(chain);
        if (anchor != null) {
            // the chain given ends with the CA's own certificate
            path.remove(path.size() - 1);
        } else {
            List<Anchor> named = anchors.stream().filter(a -> a.certificate().getSubject().equals(top.getIssuer()))
                    .toList();
            anchor = named.stream().filter(a -> signedBy(top, a.certificate())).findFirst().orElse(null);
            if (anchor == null && !named.isEmpty() && problem == null) {
                problem = "证书 " + top.getSubject() + " 的签名与名单中 CA " + named.get(0).ca().id()
                        + " 的密钥不符 / the signature of " + top.getSubject() + " does not verify with the key of CA "
                        + named.get(0).ca().id() + " on the trust list";
            }
        }
        boolean intact = problem == null;
        List<X509CertificateHolder> all = new ArrayList<>(chain);
        if (anchor != null && !all.get(all.size() - 1).equals(anchor.certificate())) {
            all.add(anchor.certificate());
        }
        Instant notBefore = all.stream().map(c -> c.getNotBefore().toInstant()).max(Comparator.naturalOrder())
                .orElseThrow();
        Instant notAfter = all.stream().map(c -> c.getNotAfter().toInstant()).min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate day = at.atZone(io.huitong.shared.time.LegalClock.CHINA).toLocalDate();
        boolean recognised = false;
        TrustedCa.Recognition nearest = null;
        if (anchor != null) {
            List<TrustedCa.Recognition> here = anchor.ca().recognitions().stream()
                    .filter(r -> r.province().equals(province)).toList();
            recognised = here.stream().anyMatch(r -> r.covers(province, day));
            nearest = here.stream().filter(r -> r.effectiveTo() == null || !r.effectiveTo().isBefore(day)).findFirst()
                    .orElse(here.isEmpty() ? null : here.get(here.size() - 1));
        }
        boolean checked = false;
        String crlProblem = null;
        boolean revoked = false;
        Instant revokedAt = null;
        if (anchor != null && intact) {
            checked = true;
            for (int i = 0; i < path.size() && !revoked; i++) {
                X509CertificateHolder issuer = i + 1 < path.size() ? path.get(i + 1) : anchor.certificate();
                Revocations.Status status = revocations.check(path.get(i), issuer, at);
                if (!status.checked()) {
                    checked = false;
                    crlProblem = status.problem();
                    break;
                }
                revoked = status.revoked();
                revokedAt = status.revokedAt();
            }
        }
        // an entity's certificate is read for credit codes, a person's for identity numbers: not both, since an
        // identity number may pass for a credit code by chance
        List<String> codes = holder.isPerson() ? null : SubjectCodes.all(chain.get(0).getSubject());
        List<String> idNos = holder.isPerson() ? SubjectCodes.idNumbers(chain.get(0).getSubject()) : null;
        CertificateFacts facts = new CertificateFacts(holder.creditCode(), province, at, intact, problem,
                anchor != null, anchor == null ? null : anchor.ca().id(), recognised,
                nearest == null ? null : nearest.effectiveFrom(), nearest == null ? null : nearest.effectiveTo(),
                notBefore, notAfter, checked, crlProblem, revoked, revokedAt,
                codes == null || codes.isEmpty() ? null : codes.get(0), signatureValid, signatureProblem,
                CertificateExtensions.of(chain.get(0)).keyUsageText(), constraintProblem(all), codes,
                holder.idNo(), idNos);
        return new Found(facts, anchor == null ? null : anchor.ca());
    }

    /** What breaks the chain as given, or null: each certificate issued and signed by the next, a CA. */
    private static String linkProblem(List<X509CertificateHolder> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509CertificateHolder cert = chain.get(i);
            X509CertificateHolder above = chain.get(i + 1);
            if (!cert.getIssuer().equals(above.getSubject())) {
                return "第 " + (i + 1) + " 张证书的签发者不是下一张证书的主题 / certificate " + (i + 1) + " is issued by "
                        + cert.getIssuer() + ", not by " + above.getSubject();
            }
            if (!CertificateExtensions.of(above).isCa()) {
                return "第 " + (i + 2) + " 张证书不是 CA 证书 / certificate " + (i + 2) + " is not a CA certificate";
            }
            if (!signedBy(cert, above)) {
                return "第 " + (i + 1) + " 张证书的签名无效 / the signature of certificate " + (i + 1)
                        + " does not verify with its issuer's key";
            }
        }
        return null;
    }

    /**
     * The first CA certificate above the entity's (the anchor last) used beyond its constraints (RFC 5280 6.1.4): a
     * key usage without keyCertSign, or more CA certificates below it (not counting self-issued ones) than its path
     * length constraint allows; null when none.
     */
    static String constraintProblem(List<X509CertificateHolder> all) {
        int below = 0;
        for (int i = 1; i < all.size(); i++) {
            X509CertificateHolder ca = all.get(i);
            CertificateExtensions ext = CertificateExtensions.of(ca);
            if (!ext.mayCertify()) {
                return "CA 证书 " + ca.getSubject() + " 的密钥用法不含证书签发（keyCertSign）/ the key usage of CA "
                        + ca.getSubject() + " does not allow keyCertSign";
            }
            java.math.BigInteger pathLength = ext.basicConstraints() == null ? null
                    : ext.basicConstraints().getPathLenConstraint();
            if (pathLength != null && pathLength.compareTo(java.math.BigInteger.valueOf(below)) < 0) {
                return "CA 证书 " + ca.getSubject() + " 的路径长度限制为 " + pathLength + "，其下却有 " + below
                        + " 个中间 CA / the path length of CA " + ca.getSubject() + " is " + pathLength
                        + ", the chain has " + below + " intermediate CAs below it";
            }
            if (!ca.getSubject().equals(ca.getIssuer())) {
                below++;
            }
        }
        return null;
    }

    static boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) {
        try {
            return cert.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pem.BC).build(issuer));
        } catch (Exception e) {
            return false;
        }
    }
}
