package io.huitong.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bid as the API and the archive write it: the fields it always had, in the same order, and not where it was
 * found invalid (a stage the bid keeps for itself).
 */
class BidJsonTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @Test
    void a_bid_is_written_with_its_fields_in_order() throws Exception {
        Bid bid = new Bid("b1", "t1", 1, "B", "投标人", null, null, null, "acct", null, SmeSize.LARGE, List.of(),
                "代表", "id-no", null, null, Instant.parse("2026-12-21T01:00:00Z"), "bidder", BidStatus.SUBMITTED,
                null, null, null, null, null, null, null, null, null, "d1", "h1", null, null, null, null, null, null,
                null, null, null, "agent", null, null)
                .decrypt(BidTest.FILE, "doc", Instant.parse("2026-12-21T02:00:00Z"))
                .invalidate("关联 / related", "TBR 34");
        assertThat(bid.invalidStage()).isEqualTo("OPENING");
        List<String> fields = new ArrayList<>();
        JSON.readTree(JSON.writeValueAsString(bid)).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "tenderId", "round", "bidderId", "bidderName", "price", "bondForm",
                "bondAmount", "bondPayerAccount", "bondGuaranteeNo", "smeSize", "consortiumMembers",
                "legalRepresentative", "legalRepresentativeIdNo", "projectManager", "contactPerson", "submittedAt",
                "submittedBy", "status", "invalidReason", "invalidCitation", "evaluatedPrice", "priceScore",
                "technicalScore", "totalScore", "candidateRank", "bondRefundDue", "bondRefundedAt", "decisionId",
                "sealedHash", "decryptedAt", "decryptionFault", "decryptionNote", "fileBidderId", "documentHash",
                "properties", "bondKeptAt", "bondKeptReason", "bondKeptCitation", "agent", "lateFee",
                "lateFeeCitation", "projectManagerCertificateNo");
        assertThat(JSON.readTree(JSON.writeValueAsString(bid.withoutPrivateDetails())).path("bondPayerAccount")
                .isNull()).isTrue();
    }
}
