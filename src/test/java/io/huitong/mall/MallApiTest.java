package io.huitong.mall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The e-mall through its API: a clerk creates an agreement and admits a supplier, a purchaser orders under it; an
 * order above the quota is refused with its article, a debarred supplier is refused, several orders of one category
 * under one budget item add up to a split-purchase flag, and a purchaser may not create agreements.
 */
class MallApiTest extends ApiTest {

    static final String SUPPLIER = "91410100MA00000021";
    static final String DEBARRED = "91410100MA00000034";

    record Created(String agreementId, String itemId) {
    }

    Created agreement(String secondaryAbove) {
        String number = "KJXY-" + UUID.randomUUID();
        ResponseEntity<String> created = post("clerk", "/api/mall/agreements", """
                {"number":"%s","name":"郑州市台式计算机框架协议","kind":"CLOSED","regionCode":"410100",
                 "category":"台式计算机","validFrom":"2026-01-01","validTo":"2026-12-31","secondStage":"DIRECT",
                 "secondaryCompetitionAbove":%s,
                 "items":[{"category":"台式计算机","specification":"i5/16G/512G","maxUnitPrice":5000.00}]}"""
                .formatted(number, secondaryAbove));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode a = json(created);
        String id = a.get("id").asText();
        for (String code : List.of(SUPPLIER, DEBARRED)) {
            ResponseEntity<String> admitted = post("clerk", "/api/mall/agreements/" + id + "/suppliers", """
                    {"creditCode":"%s","name":"供应商","admittedOn":"2025-12-20"}""".formatted(code));
            assertThat(admitted.getStatusCode()).as(admitted.getBody()).isEqualTo(HttpStatus.OK);
        }
        return new Created(id, a.get("items").get(0).get("id").asText());
    }

    ResponseEntity<String> order(Created a, String purchaser, String supplier, String quantity, String price) {
        return post("purchaser", "/api/mall/orders", """
                {"purchaser":"%s","budgetItem":"2026-办公设备购置","agreementId":"%s","supplierCode":"%s",
                 "regionCode":"410102","lines":[{"itemId":"%s","quantity":%s,"unitPrice":%s}]}"""
                .formatted(purchaser, a.agreementId(), supplier, a.itemId(), quantity, price));
    }

    static List<String> rules(ResponseEntity<String> refused) {
        List<String> rules = new ArrayList<>();
        json(refused).get("violations").forEach(v -> rules.add(v.get("rule").asText() + " / "
                + v.get("citation").asText()));
        return rules;
    }

    @Test
    void an_order_under_the_quota_at_the_cap_is_placed_above_the_quota_it_is_refused_with_its_article() {
        Created a = agreement("null");
        ResponseEntity<String> placed = order(a, "郑州市某局-" + UUID.randomUUID(), SUPPLIER, "2", "5000.00");
        assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode o = json(placed);
        assertThat(o.get("status").asText()).isEqualTo("PLACED");
        assertThat(o.get("amount").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(o.get("flags")).isEmpty();
        assertThat(o.get("decisionId").asText()).isNotBlank();

        ResponseEntity<String> atQuota = order(a, "郑州市某局-" + UUID.randomUUID(), SUPPLIER, "200", "5000.00");
        assertThat(atQuota.getStatusCode()).as("1,000,000: at the quota").isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> above = order(a, "郑州市某局-" + UUID.randomUUID(), SUPPLIER, "200.001", "5000.00");
        assertThat(above.getStatusCode()).as(above.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rules(above)).containsExactly(
                "O110-3 an order above the procurement quota does not go through the mall / O110 3");
        assertThat(json(above).get("violations").get(0).get("field").asText()).isEqualTo("amount");

        ResponseEntity<String> overCap = order(a, "郑州市某局", SUPPLIER, "1", "5000.01");
        assertThat(rules(overCap)).containsExactly(
                "O110 a unit price at or under the item's maximum unit price / O110");
    }

    @Test
    void a_debarred_supplier_is_refused_citing_its_record() {
        Created a = agreement("null");
        ResponseEntity<String> debarment = post("supervisor", "/api/credit/records", """
                {"partyId":"%s","partyName":"供应商3","kind":"DEBARMENT","scope":"GOVERNMENT_PROCUREMENT",
                 "reason":"提供虚假材料","startDate":"2026-06-01","endDate":"2027-05-31","citation":"GPL 77"}"""
                .formatted(DEBARRED));
        assertThat(debarment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> refused = order(a, "郑州市某局", DEBARRED, "1", "4000.00");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rules(refused)).containsExactly("GPL-77 a debarred supplier sells nothing through the mall / GPL 77");
    }

    @Test
    void orders_of_one_category_under_one_budget_item_adding_up_above_the_public_tender_threshold_are_flagged() {
        Created a = agreement("null");
        String purchaser = "郑州市某中学-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            ResponseEntity<String> placed = order(a, purchaser, SUPPLIER, "200", "5000.00");
            assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(json(placed).get("flags")).as("1,000,000 and 2,000,000: at the threshold").isEmpty();
        }
        ResponseEntity<String> third = order(a, purchaser, SUPPLIER, "1", "0.01");
        assertThat(third.getStatusCode()).as(third.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode flag = json(third).get("flags").get(0);
        assertThat(flag.get("by").get("rule").asText()).isEqualTo(
                "GPR-28 purchases of one category under one budget item adding up above the public-tender threshold");
        assertThat(flag.get("by").get("citation").asText()).isEqualTo("GPR 28");
        assertThat(flag.get("value").decimalValue()).isEqualByComparingTo("2000000.01");
    }

    @Test
    void an_order_above_the_agreement_s_amount_goes_to_secondary_competition() {
        Created a = agreement("50000.00");
        assertThat(order(a, "郑州市某局", SUPPLIER, "10", "5000.00").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rules(order(a, "郑州市某局", SUPPLIER, "10", "5000.01"))).contains(
                "O110 an order above the agreement's amount goes to secondary competition / O110");
    }

    @Test
    void a_closed_agreement_admits_nobody_after_its_first_stage_and_only_clerks_create_agreements() {
        Created a = agreement("null");
        ResponseEntity<String> late = post("clerk", "/api/mall/agreements/" + a.agreementId() + "/suppliers", """
                {"creditCode":"91410100MA00000047","name":"供应商4","admittedOn":"2026-03-01"}""");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rules(late)).containsExactly(
                "O110 a closed agreement admits no supplier after its first stage / O110");
        ResponseEntity<String> badCode = post("clerk", "/api/mall/agreements/" + a.agreementId() + "/suppliers", """
                {"creditCode":"91410100MA00000048","name":"供应商4","admittedOn":"2025-12-01"}""");
        assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(badCode).get("violations").get(0).get("field").asText()).isEqualTo("creditCode");

        assertThat(post("purchaser", "/api/mall/agreements", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("clerk", "/api/mall/orders", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("purchaser", "/api/mall/agreements/" + a.agreementId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
