package io.huitong.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Message digests as lower-case hex: SHA-256 for hashes the platform keeps, MD5 where a partner sends one. */
public final class Digests {

    private Digests() {
    }

    public static String sha256Hex(byte[]... parts) {
        return hex("SHA-256", parts);
    }

    /** SHA-256 of a text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String md5Hex(byte[] bytes) {
        return hex("MD5", bytes);
    }

    private static String hex(String algorithm, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }
}
