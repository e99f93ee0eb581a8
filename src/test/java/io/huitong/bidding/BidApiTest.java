package io.huitong.bidding;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.audit.AuditLog;
import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bids through the REST API: what a bidder portal may do, and what it may not see. */
class BidApiTest extends LifecycleTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    String bidding() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("50000.00")));
        at("2026-12-01T08:00:00");
        return id;
    }

    @Test
    void a_withdrawn_bond_falls_due_for_refund_within_5_days() {
        String id = bidding();
        JsonNode receipt = json(bid(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE"));
        assertThat(receipt.has("price")).as("a receipt tells nothing of the bid's content").isFalse();
        at("2026-12-03T10:00:00");
        ResponseEntity<String> withdrawn = exchange("bidder", HttpMethod.DELETE,
                "/api/tenders/" + id + "/bids/" + receipt.get("id").asText(), null);
        assertThat(json(withdrawn).get("status").asText()).isEqualTo("WITHDRAWN");
        String due = jdbc.sql("select bond_refund_due from bid where id = ?").param(receipt.get("id").asText())
                .query(java.sql.Timestamp.class).single().toInstant().atZone(LegalClock.CHINA).toOffsetDateTime()
                .toString();
        assertThat(due).as("5 days after 3 December end at 24:00 on the 8th (TBR 35)").startsWith("2026-12-09");
    }

    @Test
    void a_new_bid_replaces_the_bidder_s_earlier_one_and_nobody_else_sees_either() {
        String id = bidding();
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        JsonNode second = json(bid(id, 1, "4700000.00", "50000.00 E_GUARANTEE", "LARGE"));
        assertThat(get("demo", "/api/tenders/" + id + "/bids").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(get("demo", "/api/tenders/" + id + "/bids/" + second.get("id").asText()).getStatusCode())
                .as("not even an administrator reads a bid before the opening").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("bidder", "/api/tenders/" + id + "/bids/" + second.get("id").asText()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        bidAccepted(id, 2, "4600000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 3, "4650000.00", "50000.00 E_GUARANTEE", "LARGE");
        at("2026-12-21T09:30:00");
        assertThat(bids(id).get("投标人1").get("price").decimalValue()).isEqualByComparingTo("4700000.00");
        assertThat(bids(id)).hasSize(3);
    }

    @Test
    void a_bid_after_the_deadline_cannot_be_withdrawn() {
        String id = bidding();
        JsonNode receipt = json(bid(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE"));
        at("2026-12-21T09:30:00");
        assertThat(exchange("bidder", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/" + receipt.get("id").asText(),
                null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_malformed_credit_code_or_a_missing_file_is_422() {
        String id = bidding();
        ResponseEntity<String> response = post("bidder", "/api/tenders/" + id + "/bids", """
                {"bidderId":"91410100MA00000011","bidderName":"某公司","smeSize":"LARGE",
                 "legalRepresentative":"张三"}""");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(response).get("violations").findValuesAsText("field")).contains("bidderId", "sealedFile");
        assertThat(post("purchaser", "/api/tenders/" + id + "/bids", "{}").getStatusCode())
                .as("purchasers do not bid").isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A bid of bidder n's company, paid in cash, as the account given submits it. */
    ResponseEntity<String> cashBid(String user, String tenderId, int n, String price) {
        return post(user, "/api/tenders/" + tenderId + "/bids", """
                {"bidderId":"%s","bidderName":"投标人%d","smeSize":"LARGE","legalRepresentative":"代表%d",
                 "bond":{"form":"CASH","amount":50000.00,"payerAccount":"4101-%d"},"sealedFile":"%s"}"""
                .formatted(bidderId(n), n, n, n, SealedBid.seal(SealedBid.file(bidderId(n), n, price), "口令-" + n)));
    }

    @Test
    void an_account_acts_for_its_own_company_only_and_the_victims_bid_stands() {
        String id = bidding();
        JsonNode victim = json(bid(id, 2, "4700000.00", "50000.00 E_GUARANTEE", "SMALL"));
        String victimBid = victim.get("id").asText();

        // bidder3's account bids under company 2's credit code: refused, nothing replaced (TBL 29)
        ResponseEntity<String> forged = cashBid("bidder3", id, 2, "1000000.00");
        assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(forged).get("detail").asText()).contains("bidderId").contains(bidderId(3));
        JsonNode intact = json(get("bidder2", "/api/tenders/" + id + "/bids/" + victimBid));
        assertThat(intact.get("status").asText()).as("the victim's bid stands").isEqualTo("SUBMITTED");
        assertThat(intact.get("sealedFileSha256").asText()).isEqualTo(victim.get("sealedFileSha256").asText());
        assertThat(get("bidder3", "/api/tenders/" + id + "/bids/" + victimBid).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("bidder3", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/" + victimBid, null)
                .getStatusCode()).as("nor withdrawn by another company").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("bidder3", "/api/tenders/" + id + "/e-guarantees", "{\"bidderId\":\"" + bidderId(2)
                + "\",\"bidderName\":\"投标人2\"}").getStatusCode()).as("nor a guarantee in its name")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("bidder3", "/api/tenders/" + id + "/objections",
                "{\"content\":\"资格条件不合理\",\"party\":\"投标人2\"}").getStatusCode())
                .as("nor an objection in its name").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(id)).as("no objection suspended the tender").isEqualTo("BIDDING");
        assertThat(audit.about(id)).as("each refusal is audited with whom it claimed to act for")
                .anySatisfy(e -> {
                    assertThat(e.operator()).isEqualTo("bidder3");
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.detail()).contains(bidderId(2));
                });

        // an administrator acts for no company; nor does an account bound to none
        assertThat(cashBid("demo", id, 2, "1000000.00").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        if (json(get("demo", "/engine-rest/user?id=unbound")).isEmpty()) {
            post("demo", "/engine-rest/user/create", """
                    {"profile":{"id":"unbound","firstName":"未绑定","lastName":"(test)"},
                     "credentials":{"password":"unbound"}}""");
            exchange("demo", HttpMethod.PUT, "/engine-rest/group/bidder/members/unbound", null);
        }
        ResponseEntity<String> unbound = cashBid("unbound", id, 9, "1000000.00");
        assertThat(unbound.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(unbound).get("detail").asText()).contains("未绑定市场主体");

        // company 2's own account replaces its bid; the others bid for themselves
        bidAccepted(id, 2, "4690000.00", "50000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 3, "4650000.00", "50000.00 E_GUARANTEE", "LARGE");
        at("2026-12-21T09:30:00");
        assertThat(bids(id)).hasSize(3);
        assertThat(bids(id).get("投标人2").get("price").decimalValue()).isEqualByComparingTo("4690000.00");
    }

    @Test
    void administrators_bind_bidder_accounts_to_their_companies() {
        assertThat(json(get("bidder2", "/api/my/bidder-account")).get("creditCode").asText()).isEqualTo(bidderId(2));
        assertThat(json(get("bidder", "/api/my/bidder-account")).get("creditCode").asText())
                .as("the demo's bidder portal acts for bidder 1's company").isEqualTo(bidderId(1));
        assertThat(exchange("bidder2", HttpMethod.PUT, "/api/bidder-accounts/bidder2",
                "{\"creditCode\":\"" + bidderId(3) + "\",\"name\":\"投标人3\"}").getStatusCode())
                .as("an account does not rebind itself").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> invalid = exchange("demo", HttpMethod.PUT, "/api/bidder-accounts/clerk",
                "{\"creditCode\":\"91410100MA00000011\",\"name\":\"某公司\"}");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(invalid).get("violations").findValuesAsText("field")).contains("creditCode", "userId");
        assertThat(exchange("demo", HttpMethod.PUT, "/api/bidder-accounts/nobody",
                "{\"creditCode\":\"" + bidderId(3) + "\",\"name\":\"投标人3\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A consortium bid of lead n naming the members given (bidder numbers); its representative is lead n's. */
    ResponseEntity<String> consortiumBid(String tenderId, int lead, String price, Integer... members) {
        return bid(tenderId, lead, SealedBid.file(bidderId(lead), lead, price), "50000.00 E_GUARANTEE", "LARGE",
                "法定代表人" + lead, null, java.util.List.of(members));
    }

    ResponseEntity<String> confirm(String user, String tenderId, String bidId) {
        return post(user, "/api/tenders/" + tenderId + "/bids/" + bidId + "/consortium-confirmation", "{}");
    }

    @Test
    void a_consortium_that_names_a_company_without_its_consent_invalidates_itself_not_the_companys_own_bid() {
        String id = bidding();
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "50000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 4, "4650000.00", "50000.00 E_GUARANTEE", "LARGE");
        // a throwaway account names company 2 as its consortium member: company 2 never agreed
        ResponseEntity<String> forged = consortiumBid(id, 3, "4600000.00", 2);
        assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.CREATED);
        at("2026-12-21T09:30:00");
        var bids = bids(id);
        assertThat(bids.get("投标人2").get("status").asText()).as("the victim's own bid stands").isEqualTo("VALID");
        assertThat(bids.get("投标人3").get("status").asText()).isEqualTo("INVALID");
        assertThat(bids.get("投标人3").get("invalidCitation").asText()).isEqualTo("TBL 31; TBR 51(二)");
        assertThat(bids.get("投标人3").get("invalidReason").asText()).contains(bidderId(2));
        assertThat(bids.get("投标人1").get("status").asText()).isEqualTo("VALID");
        assertThat(bids.get("投标人4").get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void each_member_confirms_the_consortium_bid_through_its_own_account_before_the_deadline() {
        String id = bidding();
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "50000.00 E_GUARANTEE", "SMALL");
        String consortium = json(consortiumBid(id, 3, "4650000.00", 4)).get("id").asText();
        String overlapping = json(consortiumBid(id, 5, "4600000.00", 2)).get("id").asText();

        ResponseEntity<String> stranger = confirm("bidder1", id, consortium);
        assertThat(stranger.getStatusCode()).as("only a member the bid names confirms it")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(confirm("demo", id, consortium).getStatusCode()).as("nor an administrator for it")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(audit.about(id)).as("the refusal is audited with the company that tried").anySatisfy(e -> {
            assertThat(e.operator()).isEqualTo("bidder1");
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.detail()).contains(bidderId(1)).contains(consortium);
        });
        ResponseEntity<String> confirmed = confirm("bidder4", id, consortium);
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(confirmed).get("memberId").asText()).isEqualTo(bidderId(4));
        assertThat(json(confirmed).get("confirmedBy").asText()).isEqualTo("bidder4");
        assertThat(confirm("bidder4", id, consortium).getStatusCode()).as("confirming again changes nothing")
                .isEqualTo(HttpStatus.OK);
        // company 2 really joins consortium 5, and also bids alone: both bids are invalid (TBR 37)
        assertThat(confirm("bidder2", id, overlapping).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(audit.about(id)).anySatisfy(e -> {
            assertThat(e.operator()).isEqualTo("bidder4");
            assertThat(e.path()).endsWith("/consortium-confirmation");
            assertThat(e.status()).isEqualTo(200);
        });

        at("2026-12-21T09:30:00");
        assertThat(confirm("bidder4", id, consortium).getStatusCode()).as("after the deadline nobody confirms")
                .isEqualTo(HttpStatus.CONFLICT);
        var bids = bids(id);
        assertThat(bids.get("投标人3").get("status").asText()).as("a consortium every member confirmed stands")
                .isEqualTo("VALID");
        assertThat(bids.get("投标人5").get("invalidCitation").asText()).isEqualTo("TBR 37; GPR 22");
        assertThat(bids.get("投标人2").get("invalidCitation").asText()).isEqualTo("TBR 37; GPR 22");
        assertThat(bids.get("投标人1").get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void a_representative_s_name_alone_invalidates_no_bid_it_is_flagged_for_the_committee() {
        String id = bidding();
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "50000.00 E_GUARANTEE", "SMALL");
        // bidder 3 writes in bidder 2's representative's name, without an ID number on either side
        assertThat(bid(id, 3, SealedBid.file(bidderId(3), 3, "4650000.00"), "50000.00 E_GUARANTEE", "LARGE",
                "法定代表人2").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // bidders 4 and 5 give one ID number under two spellings: one person, whatever the names
        assertThat(bid(id, 4, SealedBid.file(bidderId(4), 4, "4640000.00"), "50000.00 E_GUARANTEE", "LARGE",
                "王五", "410102198001010011", java.util.List.of()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(bid(id, 5, SealedBid.file(bidderId(5), 5, "4630000.00"), "50000.00 E_GUARANTEE", "LARGE",
                "王 伍", " 410102198001010011", java.util.List.of()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        at("2026-12-21T09:30:00");
        var bids = bids(id);
        assertThat(bids.get("投标人2").get("status").asText()).as("a name is no identity").isEqualTo("VALID");
        assertThat(bids.get("投标人3").get("status").asText()).isEqualTo("VALID");
        assertThat(bids.get("投标人4").get("invalidCitation").asText()).isEqualTo("TBR 34");
        assertThat(bids.get("投标人5").get("invalidCitation").asText()).isEqualTo("TBR 34");
        JsonNode flags = json(get("clerk", "/api/tenders/" + id + "/collusion-flags"));
        assertThat(flags).as("the committee judges whether the namesakes are one person").anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("JUDGMENT");
            assertThat(f.get("citation").asText()).isEqualTo("TBR 34");
            assertThat(f.get("bidIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                    bids.get("投标人2").get("id").asText(), bids.get("投标人3").get("id").asText());
        });

        // confirmed, the namesakes' bids are invalid under TBR 34 itself: no collusion found, nothing reported
        committee(id);
        JsonNode flag = null;
        for (JsonNode f : flags) {
            if (f.get("citation").asText().equals("TBR 34")) {
                flag = f;
            }
        }
        ResponseEntity<String> decided = post("expert1", "/api/tenders/" + id + "/collusion-flags/"
                + flag.get("id").asText() + "/decision", "{\"confirmed\":true,\"reason\":\"经核实为同一人\"}");
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.OK);
        var after = bids(id);
        assertThat(after.get("投标人2").get("invalidCitation").asText()).isEqualTo("TBR 34");
        assertThat(after.get("投标人2").get("invalidReason").asText()).contains("同一法定代表人")
                .doesNotContain("串通");
        assertThat(json(get("supervisor", "/api/supervision/collusion-reports")))
                .as("one representative is no collusion case").noneMatch(r -> r.get("tenderId").asText().equals(id));
    }

    @Test
    void confirming_refunds_before_the_opening_tells_nothing_of_the_sealed_bids() {
        String id = bidding();
        bidAccepted(id, 1, "4800000.00", "50000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "50000.00 E_GUARANTEE", "SMALL");
        String third = json(bid(id, 3, "4650000.00", "50000.00 E_GUARANTEE", "LARGE")).get("id").asText();
        String fourth = json(bid(id, 4, "4640000.00", "50000.00 E_GUARANTEE", "LARGE")).get("id").asText();
        at("2026-12-03T10:00:00");
        assertThat(exchange("bidder3", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/" + third, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange("bidder4", HttpMethod.DELETE, "/api/tenders/" + id + "/bids/" + fourth, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> refunded = post("finance", "/api/tenders/" + id + "/bond-refunds",
                "{\"bidIds\":[\"" + third + "\"]}");
        assertThat(refunded.getStatusCode()).as(refunded.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(refunded)).extracting(b -> b.get("id").asText())
                .as("the withdrawn bond still due, not the sealed bids").containsExactly(fourth);
        assertThat(refunded.getBody()).doesNotContain("投标人1").doesNotContain("投标人2");
    }
}
