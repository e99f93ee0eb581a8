package io.huitong.bidding;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bids sent at once in the last second before the deadline are all kept; at the deadline none is taken (EB20 26). */
class DeadlineRushTest extends LifecycleTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrent_bids_in_the_last_second_are_all_kept_and_none_after() throws Exception {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        int bidders = 24;
        for (int n = 1; n <= bidders; n++) {
            bidderUser(100 + n);
        }
        bidderUser(99);
        at("2026-12-21T09:29:59");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<ResponseEntity<String>>> sent = new ArrayList<>();
        for (int n = 1; n <= bidders; n++) {
            int bidder = 100 + n;
            String body = """
                    {"bidderId":"%s","bidderName":"投标人%d","smeSize":"LARGE","legalRepresentative":"代表%d",
                     "sealedFile":"%s"}""".formatted(bidderId(bidder), bidder, bidder,
                    SealedBid.seal(SealedBid.file(bidderId(bidder), bidder, (4_000_000 + bidder * 173) + ".00"),
                            password(id, bidder)));
            String user = bidderUser(bidder);
            sent.add(CompletableFuture.supplyAsync(() -> post(user, "/api/tenders/" + id + "/bids", body), pool));
        }
        for (CompletableFuture<ResponseEntity<String>> f : sent) {
            assertThat(f.get().getStatusCode()).as(f.get().getBody()).isEqualTo(HttpStatus.CREATED);
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("select count(*) from bid where tender_id = ? and status = 'SUBMITTED'",
                Integer.class, id)).isEqualTo(bidders);

        clockAt(java.time.ZonedDateTime.parse("2026-12-21T09:30:00+08:00[Asia/Shanghai]"));
        ResponseEntity<String> late = post(bidderUser(99), "/api/tenders/" + id + "/bids", """
                {"bidderId":"%s","bidderName":"迟到者","smeSize":"LARGE","legalRepresentative":"代表",
                 "sealedFile":"%s"}""".formatted(bidderId(99), SealedBid.seal(SealedBid.file(bidderId(99), 99,
                "4000000.00"), "口令")));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(late).get("violations").get(0).get("citation").asText()).startsWith("EB20 26");
    }
}
