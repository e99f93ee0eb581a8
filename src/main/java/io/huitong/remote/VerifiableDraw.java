package io.huitong.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.huitong.shared.Digests;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The expert draw, random and verifiable (commit–reveal). When the evaluation is planned (or rescheduled), before
 * any pool is fixed, Huitong commits to {@code SHA-256(seed)} — the seed is 32 random bytes written as 64
 * lowercase hex characters — and every party sees the commitment at once; after the draw it reveals the seed.
 * Anyone holding the seed and the pool snapshot (the exact JSON text the draw ran on) can re-run it and get the
 * same experts:
 *
 * <ol>
 *   <li>{@code h} = SHA-256 of the snapshot text (UTF-8), in lowercase hex;</li>
 *   <li>for each group of the snapshot in order, with its candidates in the order listed, for pick {@code k}
 *       = 0, 1, … up to its seats: for attempt {@code a} = 0, 1, …, {@code v} = the first 8 bytes of
 *       HMAC-SHA256(key = the seed's 32 bytes, message = {@code h|venueId|k|a}) read big-endian with the top bit
 *       cleared; with {@code m} candidates left, accept when {@code v < m × floor((2^63 − 1) / m)} (no modulo bias) and
 *       pick candidate {@code v mod m}, removing it from the list.</li>
 * </ol>
 *
 * A changed seed or a changed snapshot (another expert in or out) changes the draw. The commitment, made before
 * the pool is fixed, shows the seed was not chosen after seeing the pool; the pool's records carry the time they
 * were made (experts, absences), so a verifier sees any change between the commitment and the draw. It does not
 * stop whoever knows the seed from changing the pool: that needs entropy nobody knows in advance (a public beacon,
 * or partners' contributions), left for later. A replacement's seed is committed and drawn at once.
 */
public final class VerifiableDraw {

    /** The canonical form of snapshots: sorted keys, no whitespace, so a snapshot is written one way only. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .build();

    private VerifiableDraw() {
    }

    /** One venue's share of the draw: how many experts it seats, drawn from these candidates. */
    public record Group(String venueId, String centreCode, int seats, List<String> candidates) {
    }

    /**
     * What a draw runs on: the evaluation, the draw's number and purpose, the evaluation day, the speciality,
     * and per venue the candidates left after the avoidance rules (expert ids, in id order).
     */
    public record Snapshot(String evaluationId, int drawNo, String purpose, String evaluationDay, String speciality,
            List<Group> groups) {
    }

    /** Too few eligible experts for the seats of a venue. */
    public static final class PoolTooSmall extends RuntimeException {

        private final String venueId;
        private final int seats;
        private final int candidates;

        PoolTooSmall(String venueId, int seats, int candidates) {
            super("venue " + venueId + " needs " + seats + " experts; " + candidates + " eligible");
            this.venueId = venueId;
            this.seats = seats;
            this.candidates = candidates;
        }

        public String venueId() {
            return venueId;
        }

        public int seats() {
            return seats;
        }

        public int candidates() {
            return candidates;
        }
    }

    public static String newSeed(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    /** The commitment published before the draw. */
    public static String commitment(String seed) {
        return sha256(seed.getBytes(StandardCharsets.US_ASCII));
    }

    public static String text(Snapshot snapshot) {
        try {
            return CANONICAL.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Snapshot parse(String text) {
        try {
            return CANONICAL.readValue(text, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a draw snapshot: " + e.getOriginalMessage(), e);
        }
    }

    public static String hash(String snapshotText) {
        return sha256(snapshotText.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs the draw: venue id → the experts drawn for it, in the order drawn. */
    public static Map<String, List<String>> run(String seed, String snapshotText) {
        byte[] key = HexFormat.of().parseHex(seed);
        if (key.length != 32) {
            throw new IllegalArgumentException("a seed is 32 bytes in 64 hex characters");
        }
        String h = hash(snapshotText);
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        for (Group group : parse(snapshotText).groups()) {
            List<String> left = new ArrayList<>(group.candidates());
            if (left.size() < group.seats()) {
                throw new PoolTooSmall(group.venueId(), group.seats(), left.size());
            }
            List<String> picked = new ArrayList<>();
            for (int k = 0; k < group.seats(); k++) {
                picked.add(left.remove(pick(key, h, group.venueId(), k, left.size())));
            }
            drawn.put(group.venueId(), picked);
        }
        return drawn;
    }

    private static int pick(byte[] key, String h, String venueId, int k, int m) {
        long limit = (Long.MAX_VALUE / m) * m;
        for (int attempt = 0; ; attempt++) {
            byte[] mac = hmac(key, h + "|" + venueId + "|" + k + "|" + attempt);
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

    private static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }
}
