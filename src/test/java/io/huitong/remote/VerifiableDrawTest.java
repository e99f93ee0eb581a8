package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The commit–reveal draw: reproducible from seed and snapshot, changed by either, never beyond the pool. */
class VerifiableDrawTest {

    static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final String OTHER_SEED = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    static List<String> experts(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("%s-%02d", prefix, i)).toList();
    }

    static String snapshot(List<String> zz, List<String> ly) {
        return VerifiableDraw.text(new VerifiableDraw.Snapshot("e1", 1, "COMMITTEE", "2026-12-23", "房屋建筑工程",
                List.of(new VerifiableDraw.Group("venue-zz", "ZZ", 3, zz), new VerifiableDraw.Group("venue-ly", "LY", 3, ly))));
    }

    @Test
    void the_same_seed_and_snapshot_draw_the_same_experts() {
        String text = snapshot(experts("zz", 12), experts("ly", 12));
        Map<String, List<String>> first = VerifiableDraw.run(SEED, text);
        assertThat(VerifiableDraw.run(SEED, text)).isEqualTo(first);
        assertThat(VerifiableDraw.run(SEED, new String(text.toCharArray()))).isEqualTo(first);
        assertThat(first.get("venue-zz")).hasSize(3).doesNotHaveDuplicates().allMatch(x -> x.startsWith("zz"));
        assertThat(first.get("venue-ly")).hasSize(3).doesNotHaveDuplicates().allMatch(x -> x.startsWith("ly"));
    }

    @Test
    void another_seed_draws_other_experts() {
        String text = snapshot(experts("zz", 12), experts("ly", 12));
        assertThat(VerifiableDraw.run(OTHER_SEED, text)).isNotEqualTo(VerifiableDraw.run(SEED, text));
    }

    @Test
    void a_changed_pool_draws_other_experts() {
        List<String> zz = experts("zz", 12);
        Map<String, List<String>> drawn = VerifiableDraw.run(SEED, snapshot(zz, experts("ly", 12)));
        List<String> oneMore = new ArrayList<>(zz);
        oneMore.add("zz-13");
        assertThat(VerifiableDraw.run(SEED, snapshot(oneMore, experts("ly", 12)))).isNotEqualTo(drawn);
        List<String> oneLess = new ArrayList<>(zz);
        oneLess.remove(drawn.get("venue-zz").get(0));
        assertThat(VerifiableDraw.run(SEED, snapshot(oneLess, experts("ly", 12))).get("venue-zz"))
                .doesNotContain(drawn.get("venue-zz").get(0));
    }

    @Test
    void the_commitment_binds_the_seed_and_the_hash_the_snapshot() {
        assertThat(VerifiableDraw.commitment(SEED)).hasSize(64).isNotEqualTo(VerifiableDraw.commitment(OTHER_SEED));
        String text = snapshot(experts("zz", 5), experts("ly", 5));
        assertThat(VerifiableDraw.hash(text)).isEqualTo(VerifiableDraw.hash(snapshot(experts("zz", 5), experts("ly", 5))))
                .isNotEqualTo(VerifiableDraw.hash(snapshot(experts("zz", 5), experts("ly", 6))));
        assertThat(VerifiableDraw.parse(text).groups()).hasSize(2);
    }

    @Test
    void a_venue_with_fewer_candidates_than_seats_cannot_be_drawn() {
        assertThatThrownBy(() -> VerifiableDraw.run(SEED, snapshot(experts("zz", 2), experts("ly", 5))))
                .isInstanceOfSatisfying(VerifiableDraw.PoolTooSmall.class, e -> {
                    assertThat(e.venueId()).isEqualTo("venue-zz");
                    assertThat(e.seats()).isEqualTo(3);
                    assertThat(e.candidates()).isEqualTo(2);
                });
        assertThat(VerifiableDraw.run(SEED, snapshot(experts("zz", 3), experts("ly", 3))).get("venue-zz"))
                .as("exactly enough: all of them").containsExactlyInAnyOrderElementsOf(experts("zz", 3));
    }

    @Test
    void a_seed_is_32_bytes() {
        assertThatThrownBy(() -> VerifiableDraw.run("abcd", snapshot(experts("zz", 5), experts("ly", 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VerifiableDraw.newSeed(new SecureRandom())).matches("[0-9a-f]{64}");
    }

    @Test
    void every_candidate_can_be_drawn_and_none_outside_the_pool() {
        List<String> zz = experts("zz", 6);
        Map<String, Integer> times = new HashMap<>();
        Set<String> everDrawn = new HashSet<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 600; i++) {
            VerifiableDraw.run(VerifiableDraw.newSeed(random), snapshot(zz, experts("ly", 3))).get("venue-zz")
                    .forEach(x -> {
                        everDrawn.add(x);
                        times.merge(x, 1, Integer::sum);
                    });
        }
        assertThat(everDrawn).containsExactlyInAnyOrderElementsOf(zz);
        // 1,800 picks of 6 candidates: each about 300 times; far outside 200..400 would mean a biased draw
        assertThat(times.values()).allMatch(n -> n > 200 && n < 400);
    }
}
