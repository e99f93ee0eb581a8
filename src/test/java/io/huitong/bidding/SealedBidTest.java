package io.huitong.bidding;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.lifecycle.LifecycleProcess;
import io.huitong.support.LifecycleTest;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bid files are sealed with the bidder's password until the opening (EB20 27): nobody reads one before the deadline,
 * by any door; at the opening each bidder decrypts its own within the window (EB20 30), and a file not decrypted is
 * deemed revoked or withdrawn by whose fault it was (EB20 31).
 */
class SealedBidTest extends LifecycleTest {

    @Autowired
    JdbcTemplate jdbc;

    static final List<String> EVERYONE = List.of("demo", "clerk", "director", "supervisor", "finance", "approval",
            "purchaser", "bidder", "ruleauthor", "designer", "expert1");

    /** Everything every user can read about the tender through the API, engine-rest and the webapps' API. */
    List<String> everyDoor(String tenderId, List<String> bidIds) {
        List<String> running = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(tenderId).list().stream().map(p -> p.getId()).toList();
        List<String> instances = new ArrayList<>(running);
        engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(tenderId).list()
                .forEach(p -> instances.add(p.getId()));
        String in = String.join(",", instances.stream().distinct().toList());
        List<String> paths = new ArrayList<>(List.of("/api/tenders/" + tenderId, "/api/tenders/" + tenderId + "/bids",
                "/api/tenders/" + tenderId + "/decisions",
                "/engine-rest/variable-instance?processInstanceIdIn=" + in,
                "/engine-rest/history/variable-instance?processInstanceIdIn=" + in,
                "/engine-rest/history/detail?processInstanceIdIn=" + in,
                "/engine-rest/process-instance?businessKey=" + tenderId,
                "/engine-rest/task?processInstanceBusinessKey=" + tenderId,
                "/engine-rest/history/task?processInstanceBusinessKey=" + tenderId));
        for (String bidId : bidIds) {
            paths.add("/api/tenders/" + tenderId + "/bids/" + bidId);
        }
        List<String> read = new ArrayList<>();
        for (String user : EVERYONE) {
            for (String path : paths) {
                read.add(user + " " + path + " → " + get(user, path).getBody());
            }
            for (JsonNode decision : json(get("demo", "/api/tenders/" + tenderId + "/decisions"))) {
                String path = "/api/decisions/" + decision.get("id").asText();
                read.add(user + " " + path + " → " + get(user, path).getBody());
            }
        }
        WebappSession cockpit = new WebappSession("demo", "cockpit");
        for (String instance : running) {
            String path = "/camunda/api/engine/engine/default/process-instance/" + instance + "/variables";
            read.add("cockpit " + path + " → " + cockpit.get(path).getBody());
        }
        return read;
    }

    ProcessInstance lifecycle(String tenderId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey(LifecycleProcess.KEY).singleResult();
    }

    /** The whole database, as an administrator with the file would see it. */
    String databaseDump() {
        return String.join("\n", jdbc.queryForList("SCRIPT", String.class));
    }

    @Test
    void no_bid_content_is_reachable_before_the_deadline_by_any_door() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        // ASCII markers: the database dump escapes other characters
        String marker = "TECHNICAL-" + UUID.randomUUID();
        String manager = "PM-" + UUID.randomUUID();
        String price = "4812345.67";
        String file = SealedBid.file(bidderId(1), 1, price).replace("投标人1的施工组织设计", marker)
                .replace("项目经理1", manager);
        ResponseEntity<String> submitted = bid(id, 1, file, null, "LARGE", "法定代表人1");
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
        String bidId = json(submitted).get("id").asText();
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");

        at("2026-12-21T09:29:59");
        List<String> doors = everyDoor(id, List.of(bidId));
        assertThat(doors).hasSizeGreaterThan(100)
                .noneMatch(r -> r.contains(marker) || r.contains(price) || r.contains(manager));
        String dump = databaseDump();
        assertThat(dump).contains(json(submitted).get("sealedFileSha256").asText());
        assertThat(dump).doesNotContain(marker).doesNotContain(price).doesNotContain(manager);

        for (String user : List.of("demo", "bidder")) {
            ResponseEntity<String> early = post(user, "/api/tenders/" + id + "/bids/" + bidId + "/decryption",
                    "{\"password\":\"" + password(id, 1) + "\"}");
            assertThat(early.getStatusCode()).as(user + ": " + early.getBody())
                    .isIn(HttpStatus.CONFLICT, HttpStatus.FORBIDDEN);
        }

        at("2026-12-21T09:30:00");
        assertThat(status(id)).isEqualTo("EVALUATING");
        assertThat(everyDoor(id, List.of(bidId))).as("the same doors show the bid once it is opened")
                .anyMatch(r -> r.startsWith("clerk /api/tenders/" + id + "/bids ") && r.contains(price));
        assertThat(databaseDump()).contains(manager).contains(price);
    }

    @Test
    void a_wrong_password_is_refused_and_changes_nothing_and_only_the_bidder_decrypts() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        String bidId = keepSealed(id, 3);
        at("2026-12-21T09:30:00");
        assertThat(status(id)).as("the opening waits for bid 3").isEqualTo("CLOSED");

        String path = "/api/tenders/" + id + "/bids/" + bidId + "/decryption";
        ResponseEntity<String> wrong = post("bidder3", path, "{\"password\":\"猜的口令\"}");
        assertThat(wrong.getStatusCode()).as(wrong.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(wrong).get("violations").get(0).get("field").asText()).isEqualTo("password");
        JsonNode receipt = json(get("bidder3", "/api/tenders/" + id + "/bids/" + bidId));
        assertThat(receipt.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(receipt.get("decryptedAt").isNull()).isTrue();

        ResponseEntity<String> byAdmin = post("demo", path, "{\"password\":\"" + password(id, 3) + "\"}");
        assertThat(byAdmin.getStatusCode()).as(byAdmin.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> byAnother = post("bidder1", path, "{\"password\":\"" + password(id, 3) + "\"}");
        assertThat(byAnother.getStatusCode()).as("another company's account: " + byAnother.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);

        decrypt(id, bidId, password(id, 3));
        runDueJobs();
        assertThat(passed(id)).contains("allDecrypted").doesNotContain("decryptionWindowEnds");
        assertThat(status(id)).isEqualTo("EVALUATING");
        assertThat(bids(id).get("投标人3").get("price").decimalValue()).isEqualByComparingTo("4761300.00");
        assertThat(post("bidder3", path, "{\"password\":\"" + password(id, 3) + "\"}").getStatusCode())
                .as("once opened the window is closed").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_bid_its_bidder_does_not_decrypt_is_revoked_at_the_windows_end_and_its_bond_kept() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", "80000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "80000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 3, "4761300.00", "80000.00 E_GUARANTEE", "MEDIUM");
        keepSealed(id, 3);
        at("2026-12-21T09:30:00");
        assertThat(deadline(id, "decryptionWindow").get("citation").asText()).startsWith("EB20 30");

        at("2026-12-21T10:29:59");
        assertThat(status(id)).as("the window is 60 minutes").isEqualTo("CLOSED");
        at("2026-12-21T10:30:00");
        assertThat(passed(id)).contains("decryptionWindowEnds", "openBids").doesNotContain("allDecrypted");
        assertThat(status(id)).as("under the Tendering Law the committee goes on").isEqualTo("EVALUATING");
        JsonNode revoked = bids(id).get("投标人3");
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("invalidCitation").asText()).isEqualTo("EB20 31");
        assertThat(revoked.get("bondKeptCitation").asText()).isEqualTo("TBR 35");
        assertThat(bids(id).get("投标人1").get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void a_stored_file_that_no_longer_matches_its_receipt_is_the_platforms_fault_withdrawn_and_its_bond_refunded() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", "80000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "80000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 3, "4761300.00", "80000.00 E_GUARANTEE", "MEDIUM");
        String bidId = keepSealed(id, 3);
        // the stored copy is replaced by another, validly sealed file: the hash of the receipt tells
        jdbc.update("update bid_file set sealed = ? where bid_id = ?",
                SealedBid.seal(SealedBid.file(bidderId(3), 3, "1.00"), password(id, 3)), bidId);
        at("2026-12-21T09:30:00");

        ResponseEntity<String> response = decrypt(id, bidId, password(id, 3));
        assertThat(json(response).get("decrypted").asBoolean()).isFalse();
        assertThat(json(response).get("fault").asText()).isEqualTo("PLATFORM");
        runDueJobs();
        assertThat(status(id)).as("every bid is settled: the opening need not wait").isEqualTo("EVALUATING");
        JsonNode withdrawn = bids(id).get("投标人3");
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("price").isNull()).as("never read").isTrue();
        assertThat(withdrawn.get("bondKeptAt").isNull()).isTrue();
        assertThat(openTaskKeys(id)).contains("refundWithdrawnBond");
    }

    @Test
    void a_file_that_holds_no_bid_is_the_bidders_fault_and_under_government_procurement_too_few_remain() {
        String id = registerAndApprove(works().with("regime", "GOVERNMENT_PROCUREMENT").with("category", "GOODS")
                .with("estimatedAmount", new BigDecimal("2500000.00")).with("stateControlled", false));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2400000.00", null, "LARGE");
        bidAccepted(id, 2, "2450000.00", null, "SMALL");
        ResponseEntity<String> broken = bid(id, 3, "{\"bidderId\":\"" + bidderId(3) + "\"}", null, "SMALL", "法定代表人3");
        assertThat(broken.getStatusCode()).as("sealed, nobody can tell").isEqualTo(HttpStatus.CREATED);
        ProcessInstance instance = lifecycle(id);
        at("2026-12-21T09:30:00");

        assertThat(passed(id)).contains("allDecrypted", "openBids", "markFailed");
        assertThat(status(id)).isEqualTo("FAILED");
        JsonNode revoked = bids(id).get("投标人3");
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("decryptionFault").asText()).isEqualTo("BIDDER");
        assertThat(revoked.get("decryptionNote").asText()).contains("投标文件内容不完整");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(LifecycleProcess.VALID_BID_COUNT).singleResult()
                .getValue()).isEqualTo(2);
    }

    @Test
    void an_outage_the_centre_declares_leaves_the_bidder_the_window_and_otherwise_withdraws_the_bid() {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", "80000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "80000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 3, "4761300.00", "80000.00 E_GUARANTEE", "MEDIUM");
        bidAccepted(id, 4, "4655500.00", "80000.00 E_GUARANTEE", "MEDIUM");
        String third = keepSealed(id, 3);
        String fourth = keepSealed(id, 4);
        assertThat(post("clerk", "/api/tenders/" + id + "/opening/platform-faults", "{\"bidIds\":[\"" + third
                + "\"],\"reason\":\"停电\"}").getStatusCode()).as("before the deadline there is no window")
                .isEqualTo(HttpStatus.CONFLICT);
        at("2026-12-21T09:30:00");
        assertThat(post("bidder", "/api/tenders/" + id + "/opening/platform-faults", "{\"bidIds\":[\"" + third
                + "\"],\"reason\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> declared = post("clerk", "/api/tenders/" + id + "/opening/platform-faults",
                "{\"bidIds\":[\"" + third + "\",\"" + fourth + "\"],\"reason\":\"交易平台解密服务中断30分钟\"}");
        assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        assertThat(status(id)).as("a declared outage leaves the bidders the window").isEqualTo("CLOSED");

        at("2026-12-21T10:10:00");
        assertThat(json(decrypt(id, third, password(id, 3))).get("decrypted").asBoolean()).isTrue();
        runDueJobs();
        assertThat(status(id)).as("bidder 4 may still come").isEqualTo("CLOSED");

        at("2026-12-21T10:30:00");
        assertThat(status(id)).isEqualTo("EVALUATING");
        assertThat(bids(id).get("投标人3").get("status").asText()).isEqualTo("VALID");
        JsonNode withdrawn = bids(id).get("投标人4");
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("invalidCitation").asText()).isEqualTo("EB20 31");
        assertThat(withdrawn.get("bondKeptAt").isNull()).isTrue();
        assertThat(openTaskKeys(id)).contains("refundWithdrawnBond");
    }
}
