package io.huitong.remote;

import io.huitong.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The expert draw of a remote evaluation between independent deployments (the main centre and its partner, each
 * on its own Huitong), random by both sides' contribution and verifiable by anyone (commit–reveal with two
 * parties). Each side draws its own venues' seats from its own pool; neither can bias the committee, because
 * each fixes its pool and its share of the randomness before it sees anything of the other's.
 *
 * <p>For draw number {@code n} of an evaluation, every party (a centre, code {@code [A-Z0-9]+}, two or more,
 * codes distinct):
 *
 * <ol>
 *   <li><b>Snapshot.</b> It writes its pool snapshot {@code S}: a {@link VerifiableDraw.Snapshot} (the evaluation
 *       id, {@code drawNo = n}, purpose, evaluation day, speciality, the same on every side) whose groups are its
 *       own venues only ({@code centreCode} = its code), each with its seats and its candidates — its experts in
 *       the speciality left after the avoidance rules (docs/rules.md §G, §D for related parties) ran on the facts the
 *       main side sent (bidders, tenderer, related parties), by id, in id order — as canonical JSON (sorted keys,
 *       no whitespace; {@link VerifiableDraw#text}). It carries expert ids only: names stay with their centre
 *       until sign-in (G11).</li>
 *   <li><b>Share.</b> It draws a share {@code s}: 32 random bytes written as 64 lowercase hex characters.</li>
 *   <li><b>Commit.</b> It sends {@link Commitment}{@code (code, n, poolHash, shareHash)} with {@code poolHash} =
 *       SHA-256 of {@code S}'s UTF-8 bytes and {@code shareHash} = SHA-256 of {@code s}'s 64 ASCII characters, both
 *       in lowercase hex ({@link Reveal#commitment()}). A party holds one commitment per centre and draw number:
 *       the same one again is a resend; a different one is equivocation, refused, the first standing
 *       ({@link #acceptCommitment}).</li>
 *   <li><b>Reveal.</b> Only once it holds every party's commitment for {@code n} ({@link #canReveal}) does a party
 *       send its {@link Reveal}{@code (code, n, S, s)}, and only then does it accept another's. A reveal holds
 *       ({@link #verifyReveal}) when it is well formed, its centre and draw number are its commitment's (and its
 *       snapshot's {@code drawNo} is {@code n}), SHA-256 of its {@code S} is the committed {@code poolHash}, SHA-256
 *       of its {@code s} the committed {@code shareHash}, and each of its groups is a venue of its centre.</li>
 *   <li><b>Joint seed.</b> {@code J} = SHA-256, in lowercase hex, of the ASCII text
 *       {@code code1|s1|code2|s2} (more parties: {@code |code3|s3}, …), the parties sorted by centre code
 *       ascending ({@link #jointSeed}). The order of arrival does not matter; the codes bind each share to its
 *       centre.</li>
 *   <li><b>Draw.</b> Each party's venues are drawn from its own snapshot with the joint seed: exactly
 *       {@link VerifiableDraw#run}{@code (J, S)} — {@code h} = SHA-256 of {@code S}; for each group in order,
 *       pick {@code k} of {@code venueId} is HMAC-SHA256(key = {@code J}'s 32 bytes, message =
 *       {@code h|venueId|k|a}) with rejection sampling, as {@link VerifiableDraw} describes. A group with fewer
 *       candidates than seats stops the draw ({@link VerifiableDraw.PoolTooSmall}). The committee is the parties'
 *       parts in centre-code order, each in its groups' order ({@link #draw}). Before drawing, the snapshots must
 *       agree on evaluation, draw number, purpose, day and speciality, and no venue may appear twice.</li>
 * </ol>
 *
 * Anyone holding the commitments and the reveals re-runs steps 4–6 and gets the same committee; each side's part
 * can also be re-run alone by the single-centre rerun ({@code POST /api/expert-draws/rerun} with seed {@code J}
 * and snapshot {@code S}). A pool or share changed after its commitment fails step 4.
 *
 * <p>Why neither side can bias it: a share is committed before any share is revealed, and {@code J} depends on
 * all of them, so a side choosing its share (or its pool, which enters every pick through {@code h}) sees nothing
 * of the other's share; the commitment hides the share (256 random bits). What it does not stop: the last side
 * to reveal learns the committee first and may withhold its reveal. A withheld reveal is visible (a commitment
 * without its reveal) and counts against that centre; the caller records it and starts a new draw number with
 * fresh commitments, so withholding buys a veto, not a choice. Whether a side applied the avoidance rules
 * correctly is shown by its exclusions record, not by this protocol.
 *
 * <p>Pure: no Spring, no database. The transport (signed messages) and the records are the caller's.
 */
public final class JointDraw {

    private static final Pattern CENTRE_CODE = Pattern.compile("[A-Z0-9]+");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private JointDraw() {
    }

    /** What a centre sends first: its centre, the draw number, SHA-256 of its snapshot text and of its share. */
    public record Commitment(String centreCode, int drawNo, String poolHash, String shareHash) {
    }

    /** What a centre sends once it holds every party's commitment: its snapshot text and its share. */
    public record Reveal(String centreCode, int drawNo, String snapshotText, String share) {

        /** The commitment this reveal answers: the one its centre sends first, before any reveal. */
        public Commitment commitment() {
            return new Commitment(centreCode, drawNo, VerifiableDraw.hash(snapshotText),
                    VerifiableDraw.commitment(share));
        }
    }

    /** A check of the protocol that fails, with its reason in Chinese and English. */
    public enum Failure {
        MALFORMED("格式不符：中心代码为大写字母或数字，份额与哈希为 64 位小写十六进制，快照为抽取快照",
                "malformed: a centre code is upper-case letters or digits, a share or hash 64 lower-case hex "
                        + "characters, a snapshot a draw snapshot"),
        CENTRE("揭示与承诺并非同一中心", "the reveal is not from the centre that committed"),
        DRAW_NO("抽取序号与承诺不符", "the draw number differs from the commitment's"),
        POOL_HASH("专家库快照与承诺的哈希不符，承诺后专家库已改变", "the pool snapshot does not match its committed hash: "
                + "the pool changed after the commitment"),
        SHARE_HASH("随机数份额与承诺的哈希不符，承诺后份额已改变", "the seed share does not match its committed hash: "
                + "the share changed after the commitment"),
        FOREIGN_VENUE("快照含有其他中心的评标室，各中心只抽取本中心评标室的专家",
                "the snapshot holds a venue of another centre: a centre draws only for its own venues"),
        EQUIVOCATION("该中心对同一次抽取已作出不同的承诺，以第一次承诺为准",
                "the centre already committed otherwise to this draw; the first commitment stands"),
        NOT_A_PARTY("该中心不是本次抽取的一方", "the centre is not a party to this draw"),
        EARLY_REVEAL("各方承诺齐备之前不接受揭示", "no reveal before every party's commitment is held"),
        INCOMPLETE("每一方须有一份承诺和一份揭示，至少两方", "every party needs one commitment and one reveal, two parties at least"),
        SNAPSHOTS_DISAGREE("各方快照的评标项目、抽取序号、用途、日期或专业不一致，或评标室重复",
                "the snapshots differ in evaluation, draw number, purpose, day or speciality, or share a venue");

        private final String zh;
        private final String en;

        Failure(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String reason() {
            return zh + " / " + en;
        }
    }

    /** The outcome of a check: holds when nothing failed; otherwise every check that failed, in enum order. */
    public record Verdict(List<Failure> failures) {

        public Verdict {
            failures = List.copyOf(failures);
        }

        static Verdict of(Set<Failure> failed) {
            return new Verdict(failed.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(failed)));
        }

        public boolean holds() {
            return failures.isEmpty();
        }

        public String reason() {
            return failures.stream().map(Failure::reason).collect(Collectors.joining("；"));
        }
    }

    /** A draw refused: the centre at fault (null when it is no one centre's) and the checks that failed. */
    public static final class Refused extends RuntimeException {

        private final String centreCode;
        private final List<Failure> failures;

        Refused(String centreCode, List<Failure> failures) {
            super((centreCode == null ? "" : "中心 / centre " + centreCode + ": ") + new Verdict(failures).reason());
            this.centreCode = centreCode;
            this.failures = List.copyOf(failures);
        }

        public String centreCode() {
            return centreCode;
        }

        public List<Failure> failures() {
            return failures;
        }
    }

    /** A fresh share: 32 random bytes as 64 lowercase hex characters. */
    public static String newShare(SecureRandom random) {
        return VerifiableDraw.newSeed(random);
    }

    /**
     * Whether a commitment that arrives may be held: well formed, from a party, and not a second, different
     * commitment of its centre for its draw number (equivocation). The same commitment again holds (a resend).
     */
    public static Verdict acceptCommitment(Collection<Commitment> held, Set<String> parties, Commitment incoming) {
        Set<Failure> failed = EnumSet.noneOf(Failure.class);
        if (!wellFormed(incoming)) {
            failed.add(Failure.MALFORMED);
        } else if (!parties.contains(incoming.centreCode())) {
            failed.add(Failure.NOT_A_PARTY);
        } else if (held.stream().anyMatch(c -> sameSlot(c, incoming) && !c.equals(incoming))) {
            failed.add(Failure.EQUIVOCATION);
        }
        return Verdict.of(failed);
    }

    /**
     * Whether reveals may be sent and accepted for draw {@code drawNo}: two parties at least, and exactly one
     * commitment held from each of them for that draw. A side sends its own reveal only when this holds.
     */
    public static boolean canReveal(Collection<Commitment> held, Set<String> parties, int drawNo) {
        if (parties.size() < 2) {
            return false;
        }
        Map<String, Set<Commitment>> byCentre = new TreeMap<>();
        held.stream().filter(c -> wellFormed(c) && c.drawNo() == drawNo)
                .forEach(c -> byCentre.computeIfAbsent(c.centreCode(), k -> new HashSet<>()).add(c));
        return parties.stream().allMatch(p -> byCentre.getOrDefault(p, Set.of()).size() == 1);
    }

    /** Whether a reveal that arrives may be accepted: every commitment is held, and it holds against its own. */
    public static Verdict acceptReveal(Collection<Commitment> held, Set<String> parties, Reveal reveal) {
        if (reveal == null || !parties.contains(reveal.centreCode())) {
            return Verdict.of(EnumSet.of(Failure.NOT_A_PARTY));
        }
        if (!canReveal(held, parties, reveal.drawNo())) {
            return Verdict.of(EnumSet.of(Failure.EARLY_REVEAL));
        }
        Commitment own = held.stream().filter(c -> wellFormed(c) && c.centreCode().equals(reveal.centreCode())
                && c.drawNo() == reveal.drawNo()).findFirst().orElseThrow();
        return verifyReveal(own, reveal);
    }

    /** Checks a reveal against its centre's commitment (step 4 of the protocol): every check that fails. */
    public static Verdict verifyReveal(Commitment commitment, Reveal reveal) {
        Set<Failure> failed = EnumSet.noneOf(Failure.class);
        if (!wellFormed(commitment) || reveal == null || !wellFormedCode(reveal.centreCode())
                || !hex64(reveal.share())) {
            failed.add(Failure.MALFORMED);
            return Verdict.of(failed);
        }
        VerifiableDraw.Snapshot snapshot = readable(reveal.snapshotText());
        if (snapshot == null) {
            failed.add(Failure.MALFORMED);
        }
        if (!commitment.centreCode().equals(reveal.centreCode())) {
            failed.add(Failure.CENTRE);
        }
        if (commitment.drawNo() != reveal.drawNo() || snapshot != null && snapshot.drawNo() != reveal.drawNo()) {
            failed.add(Failure.DRAW_NO);
        }
        if (reveal.snapshotText() == null
                || !VerifiableDraw.hash(reveal.snapshotText()).equals(commitment.poolHash())) {
            failed.add(Failure.POOL_HASH);
        }
        if (!VerifiableDraw.commitment(reveal.share()).equals(commitment.shareHash())) {
            failed.add(Failure.SHARE_HASH);
        }
        if (snapshot != null && snapshot.groups().stream().anyMatch(g -> !g.centreCode().equals(reveal.centreCode()))) {
            failed.add(Failure.FOREIGN_VENUE);
        }
        return Verdict.of(failed);
    }

    /**
     * The joint seed (step 5): SHA-256 of {@code code1|s1|code2|s2…}, parties sorted by centre code. Refused
     * ({@link Failure#INCOMPLETE}) with fewer than two parties or a centre twice.
     */
    public static String jointSeed(Collection<Reveal> reveals) {
        Map<String, String> shares = new TreeMap<>();
        for (Reveal r : reveals) {
            if (r == null || !wellFormedCode(r.centreCode()) || !hex64(r.share())) {
                throw new Refused(r == null ? null : r.centreCode(), List.of(Failure.MALFORMED));
            }
            if (shares.put(r.centreCode(), r.share()) != null) {
                throw new Refused(r.centreCode(), List.of(Failure.INCOMPLETE));
            }
        }
        if (shares.size() < 2) {
            throw new Refused(null, List.of(Failure.INCOMPLETE));
        }
        String text = shares.entrySet().stream().map(e -> e.getKey() + "|" + e.getValue())
                .collect(Collectors.joining("|"));
        return Digests.sha256Hex(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Runs the joint draw (steps 4–6): venue id → the experts seated there, in the order drawn; the parties in
     * centre-code order, each party's venues in its snapshot's order. Every reveal is checked against its
     * commitment first; the arrival order of either list does not matter.
     *
     * @throws Refused a reveal that does not hold, a party without its commitment or reveal, an equivocation,
     *         snapshots that disagree
     * @throws VerifiableDraw.PoolTooSmall a venue with fewer candidates than seats
     */
    public static Map<String, List<String>> draw(List<Reveal> reveals, List<Commitment> commitments) {
        Map<String, Commitment> committed = new TreeMap<>();
        for (Commitment c : commitments) {
            if (c == null || !wellFormedCode(c.centreCode())) {
                throw new Refused(null, List.of(Failure.MALFORMED));
            }
            Commitment before = committed.putIfAbsent(c.centreCode(), c);
            if (before != null && !before.equals(c)) {
                throw new Refused(c.centreCode(), List.of(Failure.EQUIVOCATION));
            }
        }
        Map<String, Reveal> revealed = new TreeMap<>();
        for (Reveal r : reveals) {
            if (r == null || !wellFormedCode(r.centreCode())) {
                throw new Refused(null, List.of(Failure.MALFORMED));
            }
            Reveal before = revealed.putIfAbsent(r.centreCode(), r);
            if (before != null && !before.equals(r)) {
                throw new Refused(r.centreCode(), List.of(Failure.EQUIVOCATION));
            }
        }
        if (committed.size() < 2 || !committed.keySet().equals(revealed.keySet())) {
            throw new Refused(null, List.of(Failure.INCOMPLETE));
        }
        List<VerifiableDraw.Snapshot> snapshots = new ArrayList<>();
        for (Map.Entry<String, Reveal> r : revealed.entrySet()) {
            Verdict verdict = verifyReveal(committed.get(r.getKey()), r.getValue());
            if (!verdict.holds()) {
                throw new Refused(r.getKey(), verdict.failures());
            }
            snapshots.add(VerifiableDraw.parse(r.getValue().snapshotText()));
        }
        if (!agree(snapshots)) {
            throw new Refused(null, List.of(Failure.SNAPSHOTS_DISAGREE));
        }
        String seed = jointSeed(revealed.values());
        Map<String, List<String>> seated = new LinkedHashMap<>();
        revealed.values().forEach(r -> seated.putAll(VerifiableDraw.run(seed, r.snapshotText())));
        return seated;
    }

    /** The same evaluation, draw, purpose, day and speciality on every side, and no venue twice. */
    private static boolean agree(List<VerifiableDraw.Snapshot> snapshots) {
        VerifiableDraw.Snapshot first = snapshots.get(0);
        Set<String> venues = new HashSet<>();
        for (VerifiableDraw.Snapshot s : snapshots) {
            boolean same = Objects.equals(s.evaluationId(), first.evaluationId()) && s.drawNo() == first.drawNo()
                    && Objects.equals(s.purpose(), first.purpose())
                    && Objects.equals(s.evaluationDay(), first.evaluationDay())
                    && Objects.equals(s.speciality(), first.speciality());
            if (!same || !s.groups().stream().allMatch(g -> venues.add(g.venueId()))) {
                return false;
            }
        }
        return true;
    }

    /** The snapshot a text holds, or null when it is not one a draw can run on. */
    private static VerifiableDraw.Snapshot readable(String text) {
        if (text == null) {
            return null;
        }
        try {
            VerifiableDraw.Snapshot s = VerifiableDraw.parse(text);
            boolean complete = s.groups() != null && s.groups().stream().allMatch(g -> g != null
                    && g.venueId() != null && g.centreCode() != null && g.seats() >= 0 && g.candidates() != null
                    && g.candidates().stream().allMatch(Objects::nonNull));
            return complete ? s : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameSlot(Commitment a, Commitment b) {
        return a.centreCode().equals(b.centreCode()) && a.drawNo() == b.drawNo();
    }

    private static boolean wellFormed(Commitment c) {
        return c != null && wellFormedCode(c.centreCode()) && hex64(c.poolHash())
                && hex64(c.shareHash());
    }

    private static boolean hex64(String text) {
        return text != null && HEX_64.matcher(text).matches();
    }

    private static boolean wellFormedCode(String code) {
        return code != null && CENTRE_CODE.matcher(code).matches();
    }
}
