package io.huitong.certification;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo profile's own CA (an SM2/SM3 CA, as Chinese CAs are): its key and certificate made with Bouncy Castle at
 * the first start and kept in the data folder ({@code huitong.certification.demo-ca-dir}), put on the trust list as
 * recognised in Henan, its (empty) CRL published at {@code /public/ca/HUITONG-DEMO-CA/crl}. Nowhere but in the demo
 * profile: a real platform's trust list holds the CAs' certificates only, never a key.
 */
@Component
@Profile("demo")
public class DemoCertificateAuthority {

    public static final String ID = "HUITONG-DEMO-CA";
    private static final Logger log = LoggerFactory.getLogger(DemoCertificateAuthority.class);
    private static final String SIGNATURE = "SM3withSM2";

    private final TrustList trustList;
    private final Clock clock;
    private final Path dir;
    private volatile PrivateKey key;
    private volatile X509CertificateHolder certificate;

    DemoCertificateAuthority(TrustList trustList, Clock clock,
            @Value("${huitong.certification.demo-ca-dir:${huitong.data-dir}/demo-ca}") Path dir) {
        this.trustList = trustList;
        this.clock = clock;
        this.dir = dir;
    }

    @EventListener(ContextRefreshedEvent.class)
    synchronized void start() {
        if (certificate != null) {
            return;
        }
        try {
            Path keyFile = dir.resolve("ca-key.pem");
            Path certFile = dir.resolve("ca.pem");
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                key = readKey(Files.readString(keyFile));
                certificate = Pem.certificates(Files.readString(certFile), "demoCa").get(0);
            } else {
                make(keyFile, certFile);
            }
        } catch (IOException | java.security.GeneralSecurityException
                | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("demo CA not made in " + dir, e);
        }
        var onList = trustList.find(ID);
        if (onList.isEmpty()) {
            trustList.add(ID, "汇通演示 CA Huitong demo CA", Pem.of(certificate), "demo");
            // demo data: Henan (41) recognises the demo CA
            trustList.recognise(ID, "41", LocalDate.of(2024, 1, 1), null, "demo", "demo");
        } else if (!onList.get().sha256().equals(TrustList.sha256(certificate))) {
            trustList.replaceCertificate(ID, certificate);
        }
    }

    private void make(Path keyFile, Path certFile) throws IOException, java.security.GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pem.BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Huitong Demo CA, O=Huitong, C=CN");
        Instant now = clock.instant();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        certificate = builder.build(signer(pair.getPrivate()));
        key = pair.getPrivate();
        Files.createDirectories(dir);
        Files.writeString(keyFile, Pem.write(key), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.writeString(certFile, Pem.of(certificate), StandardCharsets.US_ASCII);
        log.info("demo CA {} made in {}", ID, dir);
    }

    /** The CA's certificate. */
    public X509CertificateHolder certificate() {
        return certificate;
    }

    /** A CRL signed now, valid for a day: the demo CA revokes nothing. */
    public byte[] crl() {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(certificate.getSubject(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        try {
            return builder.build(signer(key)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws org.bouncycastle.operator.OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).setProvider(Pem.BC).build(key);
    }

    private static PrivateKey readKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            // an EC key written by JcaPEMWriter reads back as a key pair ("EC PRIVATE KEY"), a PKCS#8 one as key info
            Object read = parser.readObject();
            PrivateKeyInfo info = read instanceof org.bouncycastle.openssl.PEMKeyPair pair ? pair.getPrivateKeyInfo()
                    : (PrivateKeyInfo) read;
            return new JcaPEMKeyConverter().setProvider(Pem.BC).getPrivateKey(info);
        }
    }
}
