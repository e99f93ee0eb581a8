package io.huitong.bidding;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bonds coming back: on time nothing more is owed; late under government procurement a late fee (O87 38). */
class BondRefundTest extends LifecycleTest {

    @Test
    void losers_bonds_refunded_after_5_working_days_carry_a_late_fee() {
        String id = registerAndApprove(works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("estimatedAmount", new BigDecimal("2500000.00")).with("stateControlled", false)
                .with("bidBondAmount", new BigDecimal("20000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2400000.00", "20000.00 CHEQUE", "LARGE");
        bidAccepted(id, 2, "2450000.00", "20000.00 CHEQUE", "SMALL");
        bidAccepted(id, 3, "2361800.00", "20000.00 E_GUARANTEE", "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        review(id);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 58, "投标人3", 52));
        signReport(id);
        at("2026-12-29T00:00:01");
        assertThat(status(id)).isEqualTo("AWARDED");
        String winner = tender(id).get("winnerBidId").asText();
        JsonNode due = deadline(id, "losersBondRefund");
        assertThat(due.get("citation").asText()).contains("O87 38");

        // finance pays the losers back three days after the last day
        java.time.LocalDate lastDay = java.time.LocalDate.parse(due.get("lastDay").asText());
        at(lastDay.plusDays(3) + "T10:00:00");
        completeTask(id, "finance", "refundLosersBonds");
        Map<String, JsonNode> bids = bids(id);
        long late = java.time.temporal.ChronoUnit.DAYS.between(java.time.OffsetDateTime
                .parse(bids.values().stream().filter(b -> !b.get("id").asText().equals(winner)).findFirst()
                        .orElseThrow().get("bondRefundDue").asText())
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), lastDay.plusDays(3));
        assertThat(late).isPositive();
        for (JsonNode bid : bids.values()) {
            if (bid.get("id").asText().equals(winner)) {
                assertThat(bid.get("lateFee").isNull()).as("the winner's bond is not due yet").isTrue();
            } else if (bid.get("bondForm").asText().equals("CHEQUE")) {
                BigDecimal expected = new BigDecimal("20000.00").multiply(new BigDecimal("0.0522"))
                        .multiply(BigDecimal.valueOf(late)).divide(BigDecimal.valueOf(365), 2,
                                java.math.RoundingMode.HALF_UP);
                assertThat(bid.get("lateFee").decimalValue()).isEqualByComparingTo(expected);
                assertThat(bid.get("lateFeeCitation").asText()).isEqualTo("O87 38");
            } else {
                assertThat(bid.get("lateFee").isNull()).as("a guarantee is surrendered, no fee").isTrue();
            }
        }
        assertThat(decisionKinds(id)).contains("BOND_REFUND");
    }
}
