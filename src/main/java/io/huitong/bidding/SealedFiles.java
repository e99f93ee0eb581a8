package io.huitong.bidding;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.impl.AESGCM;
import com.nimbusds.jose.crypto.impl.AESKW;
import com.nimbusds.jose.crypto.impl.PBKDF2;
import com.nimbusds.jose.crypto.impl.PRFParams;
import io.huitong.rules.Notice;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.Digests;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Bid files sealed by their bidders (EB20 26, 27): a JWE in compact serialisation (RFC 7516) whose content key is
 * wrapped under a key derived from the bidder's password (PBES2, RFC 7518 §4.8) and whose content is encrypted with
 * AES-256-GCM. The platform keeps only ciphertext: nobody can read a bid before its bidder decrypts it after the
 * deadline. Opening takes the two steps apart, so that a failure can be classified (EB20 31): a wrong password fails
 * the key unwrap's integrity check; a file that unwraps but does not authenticate was made broken.
 */
@Component
class SealedFiles {

    static final Set<JWEAlgorithm> ALGORITHMS = Set.of(JWEAlgorithm.PBES2_HS256_A128KW,
            JWEAlgorithm.PBES2_HS384_A192KW, JWEAlgorithm.PBES2_HS512_A256KW);
    /** PBKDF2 iterations accepted: RFC 7518 recommends at least 1000; a cap keeps opening a file cheap. */
    static final int MIN_ITERATIONS = 1000;
    static final int MAX_ITERATIONS = 1_000_000;

    private final RuleSetRegistry ruleSets;

    SealedFiles(RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** What the platform may know of a sealed file: how it is sealed and its hash, never its content. */
    record Envelope(String algorithm, String hash) {
    }

    /** The result of opening a sealed file with a password. */
    sealed interface Opened permits Plain, WrongPassword, Broken {
    }

    record Plain(byte[] content) implements Opened {
    }

    /** The password does not unwrap the content key (AES key wrap's integrity check). */
    record WrongPassword() implements Opened {
    }

    /** The key unwraps but the content does not authenticate: the file was made or kept broken. */
    record Broken(String why) implements Opened {
    }

    /**
     * Checks that a file is sealed as the platform accepts it; unencrypted or otherwise sealed files are refused
     * (EB20 26), naming the field.
     */
    Envelope inspect(String field, String sealed) {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(sealed);
        } catch (ParseException | RuntimeException e) {
            throw refused(field, sealed == null ? null : "…", "投标文件未加密或不是JWE密文", "The bid file is not encrypted as a JWE");
        }
        JWEHeader header = jwe.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
            throw refused(field, header.getAlgorithm() + "/" + header.getEncryptionMethod(),
                    "投标文件须以PBES2口令密钥包装和A256GCM加密", "A bid file is sealed with a PBES2 algorithm and A256GCM");
        }
        if (header.getCompressionAlgorithm() != null || header.getCriticalParams() != null) {
            throw refused(field, "zip/crit", "投标文件不得压缩或使用关键扩展头", "A bid file may not be compressed or use critical headers");
        }
        if (header.getPBES2Count() < MIN_ITERATIONS || header.getPBES2Count() > MAX_ITERATIONS
                || header.getPBES2Salt() == null || header.getPBES2Salt().decode().length < PBKDF2.MIN_SALT_LENGTH) {
            throw refused(field, header.getPBES2Count(), "口令派生参数不符合要求（迭代1000至1000000次，盐至少8字节）",
                    "Key derivation: 1000 to 1,000,000 iterations and a salt of at least 8 bytes");
        }
        // AES-256 key wrapped (40 bytes), a 96-bit IV, ciphertext, a 128-bit tag: anything else cannot be opened
        if (length(jwe.getEncryptedKey()) != 40 || length(jwe.getIV()) != 12 || length(jwe.getCipherText()) < 1
                || length(jwe.getAuthTag()) != 16) {
            throw refused(field, "…", "投标文件的密钥、初始向量或认证标签不完整", "The file's key, IV or tag is incomplete");
        }
        return new Envelope(header.getAlgorithm().getName() + "+" + header.getEncryptionMethod().getName(), hash(sealed));
    }

    /** Opens a file accepted by {@link #inspect}. */
    Opened open(String sealed, String password) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            JWEHeader header = jwe.getHeader();
            byte[] salt = PBKDF2.formatSalt(header.getAlgorithm(), header.getPBES2Salt().decode());
            SecretKey kek = PBKDF2.deriveKey(password.getBytes(StandardCharsets.UTF_8), salt, header.getPBES2Count(),
                    PRFParams.resolve(header.getAlgorithm(), null), null);
            SecretKey cek;
            try {
                cek = AESKW.unwrapCEK(kek, jwe.getEncryptedKey().decode(), null);
            } catch (JOSEException e) {
                return new WrongPassword();
            }
            byte[] aad = header.toBase64URL().toString().getBytes(StandardCharsets.US_ASCII);
            try {
                return new Plain(AESGCM.decrypt(cek, jwe.getIV().decode(), jwe.getCipherText().decode(), aad,
                        jwe.getAuthTag().decode(), null));
            } catch (JOSEException e) {
                return new Broken("内容认证失败 / The content does not authenticate (AES-GCM)");
            }
        } catch (ParseException | JOSEException | RuntimeException e) {
            return new Broken("文件无法解析 / The file cannot be parsed: " + e.getMessage());
        }
    }

    private static int length(com.nimbusds.jose.util.Base64URL part) {
        return part == null ? 0 : part.decode().length;
    }

    /** SHA-256 of the sealed file, as its receipt states it. */
    static String hash(String sealed) {
        // a JWE compact serialisation is ASCII: its UTF-8 bytes are its ASCII bytes
        return Digests.sha256Hex(sealed);
    }

    /** Refused with the notice that bid files are sealed (its article) and the reason this one is not. */
    private ValidationException refused(String field, Object value, String zh, String en) {
        Notice sealed = ruleSets.notice(BiddingNotices.BID_FILE_SEALED);
        return new ValidationException(List.of(Violation.of(field, "validation.sealed-bid", sealed.citation(), null,
                value, sealed.zh() + "：" + zh, sealed.en() + ": " + en)));
    }
}
