package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huitong.remote.JointDraw.Commitment;
import io.huitong.remote.JointDraw.Failure;
import io.huitong.remote.JointDraw.Refused;
import io.huitong.remote.JointDraw.Reveal;
import io.huitong.shared.Digests;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The two-party draw: both centres commit to their pool and share, then reveal; anyone re-runs it; neither can
 * change its pool or share after the commitment, nor commit twice, nor seat its experts in the other's venues.
 */
class JointDrawTest {

    static final String SHARE_ZZ = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final String SHARE_LY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    static final Set<String> PARTIES = Set.of("ZZ", "LY");

    static List<String> experts(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("%s-%02d", prefix, i)).toList();
    }

    static String snapshot(int drawNo, VerifiableDraw.Group... groups) {
        return VerifiableDraw.text(new VerifiableDraw.Snapshot("e1", drawNo, "COMMITTEE", "2026-12-23", "房屋建筑工程",
                List.of(groups)));
    }

    /** The main centre ZZ: its venue seats 2 of its 12 experts. */
    static Reveal main(String share) {
        return new Reveal("ZZ", 1, snapshot(1, new VerifiableDraw.Group("venue-zz", "ZZ", 2, experts("zz", 12))),
                share);
    }

    /** The partner LY: its venue seats 3 of its 12 experts. */
    static Reveal partner(String share) {
        return new Reveal("LY", 1, snapshot(1, new VerifiableDraw.Group("venue-ly", "LY", 3, experts("ly", 12))),
                share);
    }

    static Map<String, List<String>> draw(Reveal... reveals) {
        return JointDraw.draw(List.of(reveals), List.of(reveals).stream().map(Reveal::commitment).toList());
    }

    /** A share made from a number, so the test draws the same every run. */
    static String share(int i) {
        return Digests.sha256Hex("share " + i);
    }

    @Test
    void the_same_commitments_and_reveals_seat_the_same_committee_whatever_the_order_of_arrival() {
        Reveal zz = main(SHARE_ZZ);
        Reveal ly = partner(SHARE_LY);
        Map<String, List<String>> committee = JointDraw.draw(List.of(zz, ly),
                List.of(zz.commitment(), ly.commitment()));
        assertThat(JointDraw.draw(List.of(ly, zz), List.of(ly.commitment(), zz.commitment()))).isEqualTo(committee);
        assertThat(JointDraw.draw(List.of(ly, zz), List.of(zz.commitment(), ly.commitment()))).isEqualTo(committee);
        assertThat(committee.keySet()).as("parties in centre-code order").containsExactly("venue-ly", "venue-zz");
        assertThat(committee.get("venue-zz")).hasSize(2).doesNotHaveDuplicates();
        assertThat(committee.get("venue-ly")).hasSize(3).doesNotHaveDuplicates();
        assertThat(JointDraw.jointSeed(List.of(ly, zz))).isEqualTo(JointDraw.jointSeed(List.of(zz, ly)))
                .isEqualTo(Digests.sha256Hex("LY|" + SHARE_LY + "|ZZ|" + SHARE_ZZ));
    }

    @Test
    void a_third_party_re_runs_each_side_as_a_single_centre_draw_with_the_joint_seed() {
        Reveal zz = main(SHARE_ZZ);
        Reveal ly = partner(SHARE_LY);
        String seed = JointDraw.jointSeed(List.of(zz, ly));
        Map<String, List<String>> committee = draw(zz, ly);
        assertThat(VerifiableDraw.run(seed, zz.snapshotText())).containsExactlyEntriesOf(Map.of("venue-zz",
                committee.get("venue-zz")));
        assertThat(VerifiableDraw.run(seed, ly.snapshotText())).containsExactlyEntriesOf(Map.of("venue-ly",
                committee.get("venue-ly")));
        assertThat(seed).as("neither share alone is the seed").isNotIn(SHARE_ZZ, SHARE_LY);
    }

    @Test
    void either_share_changed_seats_another_committee() {
        for (int i = 0; i < 5; i++) {
            Map<String, List<String>> committee = draw(main(share(i)), partner(share(100 + i)));
            assertThat(draw(main(share(50 + i)), partner(share(100 + i)))).as("the main centre's share changed")
                    .isNotEqualTo(committee);
            assertThat(draw(main(share(i)), partner(share(150 + i)))).as("the partner's share changed")
                    .isNotEqualTo(committee);
        }
    }

    @Test
    void the_codes_bind_each_share_to_its_centre() {
        Reveal zz = main(SHARE_ZZ);
        Reveal ly = partner(SHARE_LY);
        assertThat(JointDraw.jointSeed(List.of(main(SHARE_LY), partner(SHARE_ZZ))))
                .as("the same two shares swapped between the centres")
                .isNotEqualTo(JointDraw.jointSeed(List.of(zz, ly)));
        assertThatThrownBy(() -> JointDraw.jointSeed(List.of(zz)))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.failures()).containsExactly(Failure.INCOMPLETE));
    }

    @Test
    void a_pool_changed_after_its_commitment_is_refused() {
        Reveal ly = partner(SHARE_LY);
        Commitment committed = ly.commitment();
        List<String> oneMore = new ArrayList<>(experts("ly", 12));
        oneMore.add("ly-13");
        Reveal changed = new Reveal("LY", 1, snapshot(1, new VerifiableDraw.Group("venue-ly", "LY", 3, oneMore)),
                SHARE_LY);

        JointDraw.Verdict verdict = JointDraw.verifyReveal(committed, changed);
        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.failures()).containsExactly(Failure.POOL_HASH);
        assertThat(verdict.reason()).contains("专家库快照").contains("pool snapshot");
        assertThat(JointDraw.verifyReveal(committed, ly).holds()).isTrue();
        Reveal zz = main(SHARE_ZZ);
        assertThatThrownBy(() -> JointDraw.draw(List.of(zz, changed), List.of(zz.commitment(), committed)))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.centreCode()).isEqualTo("LY");
                    assertThat(e.failures()).containsExactly(Failure.POOL_HASH);
                });
    }

    @Test
    void a_share_changed_after_its_commitment_is_refused() {
        Reveal zz = main(SHARE_ZZ);
        Reveal otherShare = main(SHARE_LY);
        assertThat(JointDraw.verifyReveal(zz.commitment(), otherShare).failures()).containsExactly(Failure.SHARE_HASH);
        Reveal ly = partner(SHARE_LY);
        assertThatThrownBy(() -> JointDraw.draw(List.of(otherShare, ly), List.of(zz.commitment(), ly.commitment())))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.centreCode()).isEqualTo("ZZ");
                    assertThat(e.failures()).containsExactly(Failure.SHARE_HASH);
                    assertThat(e.getMessage()).contains("随机数份额").contains("seed share");
                });
    }

    @Test
    void a_reveal_names_each_check_it_fails() {
        Reveal zz = main(SHARE_ZZ);
        Reveal ly = partner(SHARE_LY);
        assertThat(JointDraw.verifyReveal(zz.commitment(), ly).failures())
                .containsExactly(Failure.CENTRE, Failure.POOL_HASH, Failure.SHARE_HASH);
        Reveal laterDraw = new Reveal("ZZ", 2, zz.snapshotText(), SHARE_ZZ);
        assertThat(JointDraw.verifyReveal(laterDraw.commitment(), laterDraw).failures())
                .as("the snapshot is of draw 1").containsExactly(Failure.DRAW_NO);
        assertThat(JointDraw.verifyReveal(zz.commitment(), new Reveal("ZZ", 1, zz.snapshotText(), "abcd")).failures())
                .containsExactly(Failure.MALFORMED);
        Reveal notASnapshot = new Reveal("ZZ", 1, "{\"groups\":", SHARE_ZZ);
        assertThat(JointDraw.verifyReveal(notASnapshot.commitment(), notASnapshot).failures())
                .containsExactly(Failure.MALFORMED);
    }

    @Test
    void a_second_different_commitment_of_a_centre_for_the_same_draw_is_equivocation() {
        Commitment first = partner(SHARE_LY).commitment();
        Commitment second = partner(share(7)).commitment();
        List<Commitment> held = List.of(main(SHARE_ZZ).commitment(), first);

        assertThat(JointDraw.acceptCommitment(held, PARTIES, second).failures()).containsExactly(Failure.EQUIVOCATION);
        assertThat(JointDraw.acceptCommitment(held, PARTIES, first).holds()).as("a resend").isTrue();
        Commitment nextDraw = new Commitment("LY", 2, second.poolHash(), second.shareHash());
        assertThat(JointDraw.acceptCommitment(held, PARTIES, nextDraw).holds()).as("another draw").isTrue();
        Commitment stranger = new Commitment("XA", 1, first.poolHash(), first.shareHash());
        assertThat(JointDraw.acceptCommitment(held, PARTIES, stranger).failures()).containsExactly(Failure.NOT_A_PARTY);

        Reveal zz = main(SHARE_ZZ);
        assertThatThrownBy(() -> JointDraw.draw(List.of(zz, partner(SHARE_LY)),
                List.of(zz.commitment(), first, second)))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.centreCode()).isEqualTo("LY");
                    assertThat(e.failures()).containsExactly(Failure.EQUIVOCATION);
                });
    }

    @Test
    void no_reveal_is_accepted_before_both_commitments_are_held() {
        Reveal zz = main(SHARE_ZZ);
        Reveal ly = partner(SHARE_LY);
        List<Commitment> onlyMain = List.of(zz.commitment());
        assertThat(JointDraw.canReveal(onlyMain, PARTIES, 1)).isFalse();
        assertThat(JointDraw.acceptReveal(onlyMain, PARTIES, zz).failures()).containsExactly(Failure.EARLY_REVEAL);
        assertThat(JointDraw.canReveal(List.of(zz.commitment(), new Reveal("LY", 2, ly.snapshotText(), SHARE_LY)
                .commitment()), PARTIES, 1)).as("the partner committed to another draw").isFalse();

        List<Commitment> both = List.of(zz.commitment(), ly.commitment());
        assertThat(JointDraw.canReveal(both, PARTIES, 1)).isTrue();
        assertThat(JointDraw.acceptReveal(both, PARTIES, ly).holds()).isTrue();
        assertThat(JointDraw.acceptReveal(both, PARTIES, partner(share(3))).failures())
                .containsExactly(Failure.SHARE_HASH);
        assertThat(JointDraw.canReveal(both, Set.of("ZZ"), 1)).as("a draw needs two parties").isFalse();
        assertThatThrownBy(() -> JointDraw.draw(List.of(zz), List.of(zz.commitment(), ly.commitment())))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.failures()).containsExactly(Failure.INCOMPLETE));
    }

    @Test
    void a_side_seats_its_experts_only_in_its_own_venues() {
        Reveal zz = new Reveal("ZZ", 1, snapshot(1, new VerifiableDraw.Group("venue-zz", "ZZ", 2, experts("zz", 8)),
                new VerifiableDraw.Group("venue-zz2", "ZZ", 1, experts("zy", 4))), SHARE_ZZ);
        Map<String, List<String>> committee = draw(zz, partner(SHARE_LY));
        assertThat(committee.get("venue-ly")).hasSize(3).allMatch(x -> x.startsWith("ly-"));
        assertThat(committee.get("venue-zz")).hasSize(2).allMatch(x -> x.startsWith("zz-"));
        assertThat(committee.get("venue-zz2")).hasSize(1).allMatch(x -> x.startsWith("zy-"));

        Reveal grabbing = new Reveal("LY", 1, snapshot(1, new VerifiableDraw.Group("venue-ly", "LY", 3,
                experts("ly", 12)), new VerifiableDraw.Group("venue-zz", "ZZ", 2, experts("ly", 12))), SHARE_LY);
        assertThat(JointDraw.verifyReveal(grabbing.commitment(), grabbing).failures())
                .containsExactly(Failure.FOREIGN_VENUE);
        assertThatThrownBy(() -> draw(main(SHARE_ZZ), grabbing))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.failures()).containsExactly(Failure.FOREIGN_VENUE));

        Reveal sameVenue = new Reveal("LY", 1, snapshot(1, new VerifiableDraw.Group("venue-zz", "LY", 3,
                experts("ly", 12))), SHARE_LY);
        assertThatThrownBy(() -> draw(main(SHARE_ZZ), sameVenue)).as("a venue id claimed by both")
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.failures()).containsExactly(Failure.SNAPSHOTS_DISAGREE));
    }

    @Test
    void the_snapshots_must_be_of_the_same_evaluation_and_draw() {
        Reveal otherEvaluation = new Reveal("LY", 1, VerifiableDraw.text(new VerifiableDraw.Snapshot("e2", 1,
                "COMMITTEE", "2026-12-23", "房屋建筑工程", List.of(new VerifiableDraw.Group("venue-ly", "LY", 3,
                        experts("ly", 12))))), SHARE_LY);
        assertThatThrownBy(() -> draw(main(SHARE_ZZ), otherEvaluation)).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.failures()).containsExactly(Failure.SNAPSHOTS_DISAGREE));
        Reveal laterDraw = new Reveal("LY", 2, snapshot(2, new VerifiableDraw.Group("venue-ly", "LY", 3,
                experts("ly", 12))), SHARE_LY);
        assertThatThrownBy(() -> draw(main(SHARE_ZZ), laterDraw)).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.failures()).containsExactly(Failure.SNAPSHOTS_DISAGREE));
    }

    @Test
    void a_venue_with_fewer_candidates_than_seats_stops_the_draw_naming_it() {
        Reveal small = new Reveal("LY", 1, snapshot(1, new VerifiableDraw.Group("venue-ly", "LY", 3,
                experts("ly", 2))), SHARE_LY);
        assertThatThrownBy(() -> draw(main(SHARE_ZZ), small))
                .isInstanceOfSatisfying(VerifiableDraw.PoolTooSmall.class, e -> {
                    assertThat(e.venueId()).isEqualTo("venue-ly");
                    assertThat(e.seats()).isEqualTo(3);
                    assertThat(e.candidates()).isEqualTo(2);
                });
    }

    @Test
    void more_than_two_parties_draw_alike_whatever_the_order() {
        Reveal zz = main(SHARE_ZZ);
        Reveal ly = partner(SHARE_LY);
        Reveal xa = new Reveal("XA", 1, snapshot(1, new VerifiableDraw.Group("venue-xa", "XA", 1, experts("xa", 5))),
                JointDraw.newShare(new SecureRandom()));
        Map<String, List<String>> committee = draw(zz, ly, xa);
        assertThat(draw(xa, zz, ly)).isEqualTo(committee);
        assertThat(committee.keySet()).containsExactly("venue-ly", "venue-xa", "venue-zz");
        assertThat(JointDraw.newShare(new SecureRandom())).matches("[0-9a-f]{64}");
    }
}
