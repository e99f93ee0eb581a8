package io.huitong.certification;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A CA made in the test with Bouncy Castle (RSA, EC P-256 or SM2): it issues entity certificates with the credit code
 * in the subject and a CRL distribution point, revokes them in its CRL, and its entities sign detached CMS signatures.
 */
final class TestCa {

    enum Algorithm {
        RSA("SHA256withRSA"), EC("SHA256withECDSA"), SM2("SM3withSM2");

        final String signature;

        Algorithm(String signature) {
            this.signature = signature;
        }
    }

    /** Where the entity's credit code is written in its subject. */
    enum CodeIn {
        ORGANIZATION_IDENTIFIER, SERIAL_NUMBER, OU
    }

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    final Algorithm algorithm;
    final KeyPair keys;
    final X509CertificateHolder certificate;
    final String crlUrl;
    /** The CA that issued this one (null: a root). */
    final TestCa parent;
    private final List<Object[]> revoked = new ArrayList<>();

    TestCa(String name, Algorithm algorithm, Instant from, Instant to, String crlUrl) throws Exception {
        this.algorithm = algorithm;
        this.keys = keys(algorithm);
        this.crlUrl = crlUrl;
        this.parent = null;
        X500Name subject = new X500Name("CN=" + name + ", O=Test CA, C=CN");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(from),
                Date.from(to), subject, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        this.certificate = b.build(signer(keys));
    }

    /** An intermediate CA issued by {@code parent}, with the extensions given (basic constraints, key usage). */
    private TestCa(String name, TestCa parent, String crlUrl, Extension... extensions) throws Exception {
        this.algorithm = parent.algorithm;
        this.keys = keys(algorithm);
        this.crlUrl = crlUrl;
        this.parent = parent;
        X500Name subject = new X500Name("CN=" + name + ", O=Test CA, C=CN");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(parent.certificate.getSubject(), serial(),
                parent.certificate.getNotBefore(), parent.certificate.getNotAfter(), subject, keys.getPublic());
        parent.distributionPoint(b);
        for (Extension e : extensions) {
            b.addExtension(e);
        }
        this.certificate = b.build(parent.signer(parent.keys));
    }

    /** An intermediate CA under this one, its CRL at {@code crlUrl}. */
    TestCa intermediate(String name, String crlUrl, Extension... extensions) throws Exception {
        return new TestCa(name, this, crlUrl, extensions);
    }

    /** The CA certificates from this one up to the root. */
    List<X509CertificateHolder> path() {
        List<X509CertificateHolder> path = new ArrayList<>();
        for (TestCa ca = this; ca != null; ca = ca.parent) {
            path.add(ca.certificate);
        }
        return path;
    }

    private void distributionPoint(JcaX509v3CertificateBuilder b) throws Exception {
        if (crlUrl != null) {
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
        }
    }

    static KeyPair keys(Algorithm algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm == Algorithm.RSA ? "RSA" : "EC", Pem.BC);
        if (algorithm == Algorithm.RSA) {
            g.initialize(2048);
        } else {
            g.initialize(new ECGenParameterSpec(algorithm == Algorithm.EC ? "secp256r1" : "sm2p256v1"));
        }
        return g.generateKeyPair();
    }

    private ContentSigner signer(KeyPair pair) throws Exception {
        return new JcaContentSignerBuilder(algorithm.signature).setProvider(Pem.BC).build(pair.getPrivate());
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    /** An entity's certificate and key. */
    record Entity(X509CertificateHolder certificate, KeyPair keys, TestCa ca) {

        String pem() {
            return Pem.of(certificate);
        }

        String chainPem() {
            List<X509CertificateHolder> chain = new ArrayList<>(List.of(certificate));
            chain.addAll(ca.path());
            return Pem.of(chain);
        }

        byte[] sign(byte[] content) throws Exception {
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(Pem.BC).build()).build(new JcaContentSignerBuilder(ca.algorithm.signature)
                            .setProvider(Pem.BC).build(keys.getPrivate()),
                            new JcaX509CertificateConverter().setProvider(Pem.BC).getCertificate(certificate)));
            // the signer's certificate, and the intermediate CAs above it (not the root)
            List<java.security.cert.X509Certificate> carried = new ArrayList<>();
            carried.add(new JcaX509CertificateConverter().setProvider(Pem.BC).getCertificate(certificate));
            for (TestCa above = ca; above.parent != null; above = above.parent) {
                carried.add(new JcaX509CertificateConverter().setProvider(Pem.BC).getCertificate(above.certificate));
            }
            g.addCertificates(new JcaCertStore(carried));
            return g.generate(new CMSProcessableByteArray(content), false).getEncoded();
        }
    }

    Entity issue(String creditCode, CodeIn where, Instant from, Instant to, Extension... extensions)
            throws Exception {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "测试公司 " + creditCode);
        switch (where) {
            case ORGANIZATION_IDENTIFIER -> name.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "NTRCN-" + creditCode);
            case SERIAL_NUMBER -> name.addRDN(BCStyle.SERIALNUMBER, creditCode);
            case OU -> name.addRDN(BCStyle.OU, creditCode);
        }
        name.addRDN(BCStyle.CN, "测试公司");
        return issue(name.build(), from, to, extensions);
    }

    /** An entity's certificate of that subject, with the extensions given (raw ones too, malformed if need be). */
    Entity issue(X500Name subject, Instant from, Instant to, Extension... extensions) throws Exception {
        KeyPair pair = keys(algorithm);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate.getSubject(), serial(),
                Date.from(from), Date.from(to), subject, pair.getPublic());
        distributionPoint(b);
        for (Extension e : extensions) {
            b.addExtension(e);
        }
        return new Entity(b.build(signer(keys)), pair, this);
    }

    /** A person's certificate: the identity number in the subject's serialNumber, as Chinese personal ones carry it. */
    Entity person(String name, String idNo, Instant from, Instant to) throws Exception {
        return issue(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.SERIALNUMBER, idNo).build(), from, to);
    }

    Entity issue(String creditCode, Instant from, Instant to) throws Exception {
        return issue(creditCode, CodeIn.ORGANIZATION_IDENTIFIER, from, to);
    }

    void revoke(Entity entity, Instant at) {
        revoked.add(new Object[] {entity.certificate().getSerialNumber(), at});
    }

    /** The CA's CRL, issued at {@code thisUpdate} and due again at {@code nextUpdate}. */
    byte[] crl(Instant thisUpdate, Instant nextUpdate) throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(certificate.getSubject(), Date.from(thisUpdate));
        b.setNextUpdate(Date.from(nextUpdate));
        for (Object[] r : revoked) {
            b.addCRLEntry((BigInteger) r[0], Date.from((Instant) r[1]), CRLReason.keyCompromise);
        }
        return b.build(signer(keys)).getEncoded();
    }
}
