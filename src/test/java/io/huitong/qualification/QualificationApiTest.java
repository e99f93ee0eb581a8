package io.huitong.qualification;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Qualification checked automatically, through the API (issue 18): the tenderer sets what the documents require; a
 * clerk has the bidders checked against the authorities (no originals, O6); at submission a bidder whose qualification
 * expired the day before the deadline, or who is not in the registry, is refused with the rule and article, one with
 * the grade required (or higher) is received; at the opening the bid whose project manager manages another works
 * project in progress is invalid with the article (O2), the others stand.
 */
class QualificationApiTest extends LifecycleTest {

    static final String REQUIRED = """
            {"qualificationKind": "建筑工程施工总承包", "qualificationGrade": "二级", "managerSpeciality": "建筑工程"}""";

    @Test
    void the_registry_decides_who_may_bid_at_submission_and_whose_manager_is_free_at_the_opening() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("50000.00")));
        String path = "/api/tenders/" + id + "/bidder-requirements";
        assertThat(exchange("bidder1", HttpMethod.PUT, path, REQUIRED).getStatusCode())
                .as("a bidder sets nothing").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> half = exchange("purchaser", HttpMethod.PUT, path,
                "{\"qualificationKind\": \"建筑工程施工总承包\"}");
        assertThat(half.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(half).get("violations").get(0).get("field").asText()).isEqualTo("qualificationGrade");
        ResponseEntity<String> set = exchange("purchaser", HttpMethod.PUT, path, REQUIRED);
        assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(get("bidder3", path)).get("qualificationGrade").asText()).isEqualTo("二级");

        // the clerk has bidders 1 to 4 checked against the authorities; bidder 5 was never registered
        for (int n = 1; n <= 4; n++) {
            ResponseEntity<String> checked = post("clerk", "/api/registry/entities/" + bidderId(n) + "/checks",
                    "{\"kinds\": [\"BUSINESS_REGISTRATION\", \"QUALIFICATIONS\", \"PERSONNEL\"]}");
            assertThat(checked.getStatusCode()).as(checked.getBody()).isEqualTo(HttpStatus.CREATED);
        }
        // bidder 1's manager has managed another works project since September, not yet accepted as completed
        ResponseEntity<String> busy = post("bidder1", "/api/registry/entities/" + bidderId(1) + "/assignments", """
                {"certificateNo": "豫141000000001", "project": "郑东新区某住宅楼", "projectCode": "ZZ-2026-0912",
                 "client": "郑州某置业有限公司", "startDate": "2026-09-01", "completedOn": null}""");
        assertThat(busy.getStatusCode()).as(busy.getBody()).isEqualTo(HttpStatus.CREATED);

        at("2026-12-01T08:00:00");
        assertThat(status(id)).isEqualTo("BIDDING");
        assertThat(exchange("purchaser", HttpMethod.PUT, path, REQUIRED).getStatusCode())
                .as("the documents are published").isEqualTo(HttpStatus.CONFLICT);

        // bidder 2's qualification expired on 2026-12-20, the day before the deadline of 2026-12-21
        ResponseEntity<String> expired = bid(id, 2, managerFile(2, "豫141000000021", "4700000.00"), "50000.00 CASH",
                "LARGE", "法定代表人2");
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode refusal = json(expired).get("violations").get(0);
        assertThat(refusal.get("rule").asText()).isEqualTo("TBL-26 the qualification the documents require, valid on the deadline");
        assertThat(refusal.get("citation").asText()).contains("TBL 26").contains("O3");
        assertThat(refusal.get("message").asText()).contains("2026-12-20").contains("D141000002");

        ResponseEntity<String> unregistered = bid(id, 5, managerFile(5, null, "4650000.00"), "50000.00 CASH",
                "LARGE", "法定代表人5");
        assertThat(unregistered.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(unregistered).get("violations").get(0).get("rule").asText())
                .isEqualTo("O6 a bidder the registry holds");

        // 二级 as required, 一级 and 特级 above it: received
        for (int n : new int[] {1, 3, 4}) {
            String manager = n == 1 ? "豫141000000001" : n == 3 ? "豫241000000031" : "豫141000000041";
            ResponseEntity<String> received = bid(id, n, managerFile(n, manager, (4800000 - n * 10000) + ".00"),
                    "50000.00 CASH", "LARGE", "法定代表人" + n);
            assertThat(received.getStatusCode()).as(received.getBody()).isEqualTo(HttpStatus.CREATED);
        }

        // the opening: bidder 1's manager is not free (O2); the others stand
        at("2026-12-21T09:30:00");
        assertThat(status(id)).isIn("OPENED", "EVALUATING");
        JsonNode first = bids(id).get("投标人1");
        assertThat(first.get("status").asText()).isEqualTo("INVALID");
        assertThat(first.get("invalidCitation").asText()).contains("注册建造师执业管理办法(试行) 9");
        assertThat(first.get("invalidReason").asText()).contains("郑东新区某住宅楼");
        assertThat(bids(id).get("投标人3").get("status").asText()).isEqualTo("VALID");
        assertThat(bids(id).get("投标人4").get("status").asText()).isEqualTo("VALID");
        // the opening's decision keeps the evidence: the manager's registration and assignment as the registry held them
        JsonNode opening = decision(id, "BID_OPENING");
        assertThat(opening.get("inputs").get("registry").get("ManagerAssignment").get(0).get("project").asText())
                .isEqualTo("郑东新区某住宅楼");

        // both decisions are decided again on the facts they kept: the same answers (rule sandbox, impact analysis)
        ResponseEntity<String> reopened = post("supervisor", "/api/rules/collusion/evaluate",
                opening.get("inputs").toString());
        assertThat(reopened.getStatusCode()).as(reopened.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(reopened).get("outputs")).isEqualTo(opening.get("outputs").get("rules"));
        JsonNode refused = null;
        for (JsonNode d : json(get("demo", "/api/tenders/" + id + "/decisions"))) {
            if (d.get("kind").asText().equals("BID_SUBMISSION")
                    && d.get("inputs").path("bid").path("bidderId").asText().equals(bidderId(2))) {
                refused = d;
            }
        }
        assertThat(refused).as("bidder 2's refusal, shown once the round is opened").isNotNull();
        assertThat(refused.get("inputs").get("registry").get("Qualification").get(0).get("validTo").asText())
                .isEqualTo("2026-12-20");
        ResponseEntity<String> again = post("supervisor", "/api/rules/eligibility/evaluate",
                refused.get("inputs").toString());
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(again).get("outputs").get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(json(again).get("outputs").get("violations").findValuesAsText("rule"))
                .containsExactly("TBL-26 the qualification the documents require, valid on the deadline");
    }

    /** Bidder n's file naming its project manager by registration certificate number. */
    static String managerFile(int n, String certificateNo, String price) {
        String file = SealedBid.file(bidderId(n), n, price);
        return certificateNo == null ? file
                : file.replace("\"projectManager\":", "\"projectManagerCertificateNo\":\"" + certificateNo
                        + "\",\"projectManager\":");
    }
}
