package io.huitong.certification;

import io.huitong.shared.web.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The extensions of a certificate this module reads (basic constraints, key usage, CRL distribution points), each
 * parsed once and up front: a value that is not what RFC 5280 says it is (a basicConstraints that is no SEQUENCE) is
 * a 422 naming the field the certificate came in and the extension, never an exception deeper down.
 *
 * @param basicConstraints null when the certificate has none
 * @param keyUsage null when the certificate has none (no restriction, RFC 5280 4.2.1.3)
 * @param crlUrls the http(s) addresses of its CRL distribution points (full names), in order
 */
record CertificateExtensions(BasicConstraints basicConstraints, KeyUsage keyUsage, List<String> crlUrls) {

    /** Key usage bits by name, in the order of RFC 5280. */
    private static final Object[][] USAGES = {{KeyUsage.digitalSignature, "digitalSignature"},
        {KeyUsage.nonRepudiation, "nonRepudiation"}, {KeyUsage.keyEncipherment, "keyEncipherment"},
        {KeyUsage.dataEncipherment, "dataEncipherment"}, {KeyUsage.keyAgreement, "keyAgreement"},
        {KeyUsage.keyCertSign, "keyCertSign"}, {KeyUsage.cRLSign, "cRLSign"}, {KeyUsage.encipherOnly, "encipherOnly"},
        {KeyUsage.decipherOnly, "decipherOnly"}};

    /** The certificate is a CA (basic constraints cA=true). */
    boolean isCa() {
        return basicConstraints != null && basicConstraints.isCA();
    }

    /** Its key may sign certificates: no key usage, or one with keyCertSign. */
    boolean mayCertify() {
        return keyUsage == null || keyUsage.hasUsages(KeyUsage.keyCertSign);
    }

    /** The key usage as names ("digitalSignature, nonRepudiation"), or null when the certificate has none. */
    String keyUsageText() {
        if (keyUsage == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Object[] usage : USAGES) {
            if (keyUsage.hasUsages((Integer) usage[0])) {
                names.add((String) usage[1]);
            }
        }
        return String.join(", ", names);
    }

    /**
     * The extensions of the {@code index}-th certificate (from 1) given in {@code field}; 422 naming the field and
     * the extension when one cannot be read.
     */
    static CertificateExtensions of(X509CertificateHolder cert, String field, int index) {
        BasicConstraints bc = read(cert, Extension.basicConstraints, "basicConstraints", field, index);
        KeyUsage ku = read(cert, Extension.keyUsage, "keyUsage", field, index);
        List<String> urls = read(cert, Extension.cRLDistributionPoints, "cRLDistributionPoints", field, index);
        return new CertificateExtensions(bc, ku, urls == null ? List.of() : urls);
    }

    /** The same for a certificate read before (the trust list's, or one checked on its way in). */
    static CertificateExtensions of(X509CertificateHolder cert) {
        return of(cert, "certificate", 1);
    }

    /** Every certificate of a chain given in {@code field}, checked in order. */
    static List<CertificateExtensions> of(List<X509CertificateHolder> chain, String field) {
        List<CertificateExtensions> read = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            read.add(of(chain.get(i), field, i + 1));
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(X509CertificateHolder cert, ASN1ObjectIdentifier oid, String name, String field,
            int index) {
        Extension ext = cert.getExtension(oid);
        if (ext == null) {
            return null;
        }
        try {
            if (oid.equals(Extension.basicConstraints)) {
                return (T) BasicConstraints.getInstance(ext.getParsedValue());
            }
            if (oid.equals(Extension.keyUsage)) {
                return (T) KeyUsage.getInstance(ext.getParsedValue());
            }
            return (T) distributionPoints(ext);
        } catch (RuntimeException e) {
            throw ValidationException.of(field, name, "RFC 5280 " + name,
                    "第 " + index + " 张证书的扩展 " + name + " 格式错误，无法读取",
                    "The " + name + " extension of certificate " + index + " is malformed");
        }
    }

    private static List<String> distributionPoints(Extension ext) {
        List<String> urls = new ArrayList<>();
        DistributionPoint[] points = CRLDistPoint.getInstance(ext.getParsedValue()).getDistributionPoints();
        for (DistributionPoint point : points) {
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
