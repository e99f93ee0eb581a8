package io.huitong.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * A registration request body: by default a state-controlled works project of 5,000,000 in Zhengzhou under the
 * Tendering Law, documents issued 2026-12-01, bids due 2026-12-21 (20 days), equal totals decided by the lower
 * evaluated price (the documents' method, required under the Tendering Law). Tests change what they are about.
 */
public final class RegistrationJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode body = JSON.createObjectNode();

    private RegistrationJson() {
        body.put("title", "郑州市某道路改造工程施工");
        body.put("regime", "TENDERING_LAW");
        body.put("category", "WORKS");
        body.put("estimatedAmount", new BigDecimal("5000000.00"));
        body.put("budgetFunds", new BigDecimal("5000000.00"));
        body.put("totalInvestment", new BigDecimal("10000000.00"));
        body.put("stateControlled", true);
        body.put("regionCode", "410100");
        body.put("procurementMethod", "OPEN");
        body.put("documentIssueDate", "2026-12-01");
        body.put("bidDeadline", "2026-12-21T09:30:00+08:00");
        body.put("purchaserId", PURCHASER_ID);
        body.put("purchaserName", "郑州市市政工程管理处");
        body.put("tieBreak", "LOWER_EVALUATED_PRICE");
    }

    /** The demo purchaser's organisation (its credit code), the tenderer of the tests' tenders. */
    public static final String PURCHASER_ID = io.huitong.shared.party.CreditCodes.withCheck("12410100MB0000077");

    public static RegistrationJson works() {
        return new RegistrationJson();
    }

    /** Government procurement of goods, budget 1,500,000, in Xinyang (411502), no fee, no bond. */
    public static RegistrationJson xinyangGoods() {
        RegistrationJson r = new RegistrationJson();
        r.body.put("title", "信阳市某单位办公设备采购");
        r.body.put("purchaserName", "信阳市某单位");
        r.body.put("regime", "GOVERNMENT_PROCUREMENT");
        r.body.put("category", "GOODS");
        r.body.put("estimatedAmount", new BigDecimal("1500000.00"));
        r.body.remove("budgetFunds");
        r.body.remove("totalInvestment");
        r.body.put("stateControlled", false);
        r.body.put("regionCode", "411502");
        return r;
    }

    public RegistrationJson with(String field, String value) {
        body.put(field, value);
        return this;
    }

    public RegistrationJson with(String field, BigDecimal value) {
        body.put(field, value);
        return this;
    }

    public RegistrationJson with(String field, boolean value) {
        body.put(field, value);
        return this;
    }

    /** Puts raw JSON as the value (a number with many decimals, an array, a wrong type). */
    public RegistrationJson withRaw(String field, String json) {
        try {
            body.set(field, JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
        return this;
    }

    public RegistrationJson without(String field) {
        body.remove(field);
        return this;
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
