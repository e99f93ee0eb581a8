package io.huitong.remote;

import io.huitong.shared.VerifiableLot;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * or partners' contributions): between two deployments {@link JointDraw} takes both centres' shares. A
 * replacement's seed is committed and drawn at once.
 *
 * <p>The seed, commitment, canonical snapshot and pick are {@link VerifiableLot}'s, shared with the draw between
 * tied candidates; the group label of a pick is the venue id.
 */
public final class VerifiableDraw {

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
        return VerifiableLot.newSeed(random);
    }

    /** The commitment published before the draw. */
    public static String commitment(String seed) {
        return VerifiableLot.commitment(seed);
    }

    public static String text(Snapshot snapshot) {
        return VerifiableLot.canonical(snapshot);
    }

    public static Snapshot parse(String text) {
        return VerifiableLot.parse(text, Snapshot.class);
    }

    public static String hash(String snapshotText) {
        return VerifiableLot.hash(snapshotText);
    }

    /** Runs the draw: venue id → the experts drawn for it, in the order drawn. */
    public static Map<String, List<String>> run(String seed, String snapshotText) {
        byte[] key = VerifiableLot.key(seed);
        String h = hash(snapshotText);
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        for (Group group : parse(snapshotText).groups()) {
            if (group.candidates().size() < group.seats()) {
                throw new PoolTooSmall(group.venueId(), group.seats(), group.candidates().size());
            }
            drawn.put(group.venueId(), VerifiableLot.draw(key, h, group.venueId(), group.candidates(), group.seats()));
        }
        return drawn;
    }
}
