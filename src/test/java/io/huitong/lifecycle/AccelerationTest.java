package io.huitong.lifecycle;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.time.LegalClock;
import io.huitong.support.LifecycleTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * Acceleration (a day in a minute) shortens the wait, not the law: one clock, that the engine's timers and every
 * legal check read, runs fast. A timer waits for the legal date itself, so when it fires every check agrees the date
 * has come: bids are decrypted after the deadline, none is deemed revoked for a refusal of the platform's, and the
 * legal dates are those of real time.
 */
@TestPropertySource(properties = "huitong.acceleration.factor=1440")
class AccelerationTest extends LifecycleTest {

    @Autowired
    LegalClock clock;

    /** When each timer fired, in order, as a job executor watching the fast clock would have run it. */
    private final List<Instant> fired = new ArrayList<>();

    @Test
    void a_period_too_short_is_refused_at_any_speed_and_production_has_no_clock_door() {
        var nineteenDays = post("purchaser", "/api/tenders",
                works().with("bidDeadline", "2026-12-20T09:30:00+08:00").toString());
        assertThat(nineteenDays.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(nineteenDays).get("violations").get(0).get("citation").asText()).isEqualTo("TBL 24");

        // the clock is moved through an API only under the sandbox profile (SandboxClockTest)
        assertThat(post("demo", "/api/sandbox/clock", "{\"factor\":1}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void at_a_day_a_minute_a_tender_goes_from_registration_to_archive_on_its_legal_dates() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("100000.00")));
        assertThat(deadline(id, "documentIssue").get("dueAt").asText()).isEqualTo("2026-12-01T00:00:00+08:00");

        nextTimerFires();
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(deadline(id, "bidDeadline").get("dueAt").asText()).isEqualTo("2026-12-21T09:30:00+08:00");
        bidAccepted(id, 1, "4800000.00", "100000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4663200.00", "100000.00 BANK_GUARANTEE", "MEDIUM");
        bidAccepted(id, 4, "4500000.00", "100000.00 E_GUARANTEE", "SMALL");

        // the deadline's timer fires: a late bid is refused for a deadline that has passed, by the same clock
        nextTimerFires();
        assertThat(status(id)).isEqualTo("CLOSED");
        JsonNode late = json(bid(id, 5, "4400000.00", "100000.00 BANK_GUARANTEE", "LARGE")).get("violations").get(0);
        assertThat(late.get("citation").asText()).isEqualTo("EB20 26; TBL 28");
        assertThat(OffsetDateTime.parse(late.get("limit").asText()).toInstant())
                .isEqualTo(Instant.parse("2026-12-21T01:30:00Z")).isBeforeOrEqualTo(clock.instant());

        // each bidder decrypts its bid: the deadline has passed for the checks as for the timer (EB20 27, 30)
        Map<Integer, String> bidIds = Map.of(1, keepSealed(id, 1), 2, keepSealed(id, 2), 4, keepSealed(id, 4));
        bidIds.forEach((n, bidId) -> decrypt(id, bidId, password(id, n)));
        runDueJobs();
        assertThat(status(id)).isEqualTo("EVALUATING");
        assertThat(bids(id).values()).extracting(b -> b.get("status").asText()).doesNotContain("REVOKED", "WITHDRAWN");

        committee(id);
        assertThat(review(id)).isEqualTo(3);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 52, "投标人4", 45));
        signReport(id);
        assertThat(status(id)).isEqualTo("PUBLICITY");

        // the publicity ends on its legal date; the tenderer determines rank one, the contract is signed
        nextTimerFires();
        assertThat(openTaskKeys(id)).containsExactly("chooseWinner");
        award(id, "投标人2", null);
        assertThat(status(id)).isEqualTo("AWARDED");
        completeTask(id, "purchaser", "signContract");
        completeTask(id, "finance", "refundBonds");
        completeTask(id, "purchaser", "reportToSupervisor");

        JsonNode archived = tender(id);
        assertThat(archived.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(json(get("demo", "/api/tenders/" + id + "/bids")).findValues("bondRefundedAt"))
                .as("no bond kept: no bid was deemed revoked").hasSize(3)
                .allSatisfy(refunded -> assertThat(refunded.isNull()).isFalse());
        // every timer fired on its legal date, as it would in real time
        assertThat(fired).containsExactly(Instant.parse("2026-11-30T16:00:00Z"), Instant.parse("2026-12-21T01:30:00Z"),
                OffsetDateTime.parse(deadline(id, "publicity").get("dueAt").asText()).toInstant());
    }

    /**
     * Moves the clock to the engine's next timer and runs what falls due, as the job executor would when the fast
     * clock gets there; what the engine waits for is when it fires.
     */
    private void nextTimerFires() {
        Job next = engine.getManagementService().createJobQuery().timers().orderByJobDuedate().asc().listPage(0, 1)
                .get(0);
        Instant due = next.getDuedate().toInstant();
        clockAt(due.atZone(LegalClock.CHINA));
        runDueJobs();
        fired.add(due);
    }
}
