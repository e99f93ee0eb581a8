package io.huitong.certification;

import io.huitong.shared.web.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Certificates as PEM text, read and written with Bouncy Castle, whose provider (never registered JVM-wide) knows the
 * SM2 curve and SM3 as well as RSA and ECDSA.
 */
public final class Pem {

    /** Bouncy Castle's provider, for this module's own use. */
    static final Provider BC = new BouncyCastleProvider();

    /** At most this many certificates in one chain. */
    static final int MAX_CHAIN = 10;

    private Pem() {
    }

    /**
     * The certificates of a PEM text, in its order (the entity's first, then the CAs above it); 422 naming
     * {@code field} when there is none, something else, or too many.
     */
    public static List<X509CertificateHolder> certificates(String pem, String field) {
        try {
            return certificates(pem);
        } catch (Unreadable e) {
            throw ValidationException.of(field, null, "PEM certificates", e.zh, e.en);
        }
    }

    private static final class Unreadable extends RuntimeException {
        private final String zh;
        private final String en;

        Unreadable(String message) {
            super(message);
            int slash = message.indexOf(" / ");
            this.zh = slash < 0 ? message : message.substring(0, slash);
            this.en = slash < 0 ? message : message.substring(slash + 3);
        }
    }

    private static List<X509CertificateHolder> certificates(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new Unreadable("没有证书 / No certificate in the PEM text");
        }
        List<X509CertificateHolder> chain = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (!(o instanceof X509CertificateHolder holder)) {
                    throw new Unreadable("PEM 中只能包含证书 / Only certificates may be given, not "
                            + o.getClass().getSimpleName());
                }
                chain.add(holder);
                if (chain.size() > MAX_CHAIN) {
                    throw new Unreadable("证书链过长 / More than " + MAX_CHAIN + " certificates");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) {
                throw u;
            }
            throw new Unreadable("无法读取 PEM 证书 / The PEM text cannot be read as certificates: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw new Unreadable("没有证书 / No certificate in the PEM text");
        }
        return chain;
    }

    /** One certificate as PEM. */
    public static String of(X509CertificateHolder certificate) {
        return write(certificate);
    }

    /** Several certificates as one PEM text, in order. */
    public static String of(List<X509CertificateHolder> chain) {
        StringBuilder out = new StringBuilder();
        chain.forEach(c -> out.append(write(c)));
        return out.toString();
    }

    /** Any object Bouncy Castle writes as PEM: a certificate, a CRL, a private key. */
    static String write(Object object) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new JcaMiscPEMGenerator(object));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
