package io.huitong.certification;

import io.huitong.shared.web.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Store;

/**
 * A detached CMS (PKCS#7) SignedData over some bytes, as Chinese CA clients make it: one signer, whose certificate
 * (and, optionally, the CAs above it) travel inside. Verified over the content, or over its SHA-256 where the signer
 * signed attributes with a SHA-256 message digest.
 */
final class Signatures {

    private Signatures() {
    }

    /** The signer's chain as the signature carries it (signer first) and whether the signature verifies. */
    record Signed(List<X509CertificateHolder> chain, boolean valid, String problem) {
    }

    static Signed read(byte[] content, byte[] sha256, byte[] signature) {
        CMSSignedData signed;
        try {
            signed = content != null ? new CMSSignedData(new CMSProcessableByteArray(content), signature)
                    : new CMSSignedData(Map.of(NISTObjectIdentifiers.id_sha256, sha256), signature);
        } catch (CMSException | RuntimeException e) {
            throw ValidationException.of("signature", null, "CMS SignedData (PKCS#7), DER, Base64",
                    "无法读取签名：应为 Base64 编码的 CMS（PKCS#7）签名数据", "The signature is not a CMS (PKCS#7) SignedData");
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw ValidationException.of("signature", signers.size(), 1, "签名数据应恰好包含一个签名者",
                    "The signature must have exactly one signer");
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> store = signed.getCertificates();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw ValidationException.of("signature", null, "the signer's certificate inside",
                    "签名数据中没有签名者的证书", "The signature does not carry its signer's certificate");
        }
        if (content == null && (signer.getSignedAttributes() == null
                || !NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID()))) {
            throw ValidationException.of("contentSha256", signer.getDigestAlgOID(), "SHA-256 with signed attributes",
                    "该签名的摘要算法不是 SHA-256（或没有签名属性），请提交原文 content",
                    "The signature's digest is not SHA-256 over signed attributes: send the content itself");
        }
        X509CertificateHolder cert = matches.iterator().next();
        List<X509CertificateHolder> chain = chain(cert, store);
        boolean valid;
        String problem = null;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pem.BC).build(cert));
            if (!valid) {
                problem = "签名值与签名者证书的公钥不符 / the signature value does not verify with the signer's key";
            }
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            valid = false;
            problem = "内容摘要与签名中的摘要不符 / the content's digest differs from the one signed";
        } catch (Exception e) {
            valid = false;
            problem = "签名无法验证 / the signature cannot be verified: " + e.getMessage();
        }
        return new Signed(chain, valid, problem);
    }

    /** The signer's certificate, then each issuer the signature carries, up to where it carries none. */
    @SuppressWarnings("unchecked")
    private static List<X509CertificateHolder> chain(X509CertificateHolder signer, Store<X509CertificateHolder> store) {
        List<X509CertificateHolder> chain = new ArrayList<>(List.of(signer));
        Collection<X509CertificateHolder> all = store.getMatches(null);
        X509CertificateHolder current = signer;
        while (chain.size() < Pem.MAX_CHAIN && !current.getIssuer().equals(current.getSubject())) {
            X509CertificateHolder c = current;
            X509CertificateHolder issuer = all.stream().filter(h -> h.getSubject().equals(c.getIssuer()))
                    .filter(h -> !chain.contains(h)).findFirst().orElse(null);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }
}
