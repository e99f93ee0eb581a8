package io.huitong.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A random draw anyone can re-run (commit–reveal), the pure part shared by the expert draw
 * ({@code remote.VerifiableDraw}) and the draw between tied candidates (O87 68). The seed is 32 random bytes
 * written as 64 lowercase hex characters; its commitment is {@code SHA-256} of those characters. A draw runs on
 * a snapshot text (canonical JSON: sorted keys, no whitespace), whose hash {@code h} = SHA-256 of its UTF-8
 * bytes in lowercase hex enters every pick:
 *
 * <p>pick {@code k} of group {@code label} among {@code m} candidates left: for attempt {@code a} = 0, 1, …,
 * {@code v} = the first 8 bytes of HMAC-SHA256(key = the seed's 32 bytes, message = {@code h|label|k|a}) read
 * big-endian with the top bit cleared; accept when {@code v < m × floor((2^63 − 1) / m)} (no modulo bias) and
 * take candidate {@code v mod m}, removing it from the list.
 */
public final class VerifiableLot {

    /** The canonical form of snapshots: sorted keys, no whitespace, so a snapshot is written one way only. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .build();

    private VerifiableLot() {
    }

    public static String newSeed(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    /** The commitment published for a seed: SHA-256 of its 64 hex characters. */
    public static String commitment(String seed) {
        return Digests.sha256Hex(seed.getBytes(StandardCharsets.US_ASCII));
    }

    /** The hash of a snapshot text that every pick of a draw on it carries. */
    public static String hash(String snapshotText) {
        return Digests.sha256Hex(snapshotText.getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical JSON text of a snapshot. */
    public static String canonical(Object snapshot) {
        try {
            return CANONICAL.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a canonical snapshot text back. */
    public static <T> T parse(String text, Class<T> type) {
        try {
            return CANONICAL.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a draw snapshot: " + e.getOriginalMessage(), e);
        }
    }

    /** The seed's 32 bytes. */
    public static byte[] key(String seed) {
        byte[] key = HexFormat.of().parseHex(seed);
        if (key.length != 32) {
            throw new IllegalArgumentException("a seed is 32 bytes in 64 hex characters");
        }
        return key;
    }

    /** Draws {@code count} of the candidates of group {@code label}, in the order drawn. */
    public static List<String> draw(byte[] key, String snapshotHash, String label, List<String> candidates,
            int count) {
        List<String> left = new ArrayList<>(candidates);
        List<String> picked = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            picked.add(left.remove(pick(key, snapshotHash, label, k, left.size())));
        }
        return picked;
    }

    /** The index of pick {@code k} among {@code m} candidates left. */
    public static int pick(byte[] key, String snapshotHash, String label, int k, int m) {
        long limit = (Long.MAX_VALUE / m) * m;
        for (int attempt = 0; ; attempt++) {
            byte[] mac = hmac(key, snapshotHash + "|" + label + "|" + k + "|" + attempt);
            long v = ByteBuffer.wrap(mac, 0, 8).getLong() & Long.MAX_VALUE;
            if (v < limit) {
                return (int) (v % m);
            }
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
