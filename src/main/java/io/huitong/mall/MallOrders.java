package io.huitong.mall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.credit.CreditRegistry;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Places an order through the mall: Java states the facts (the order and its lines with the items' maximum unit
 * prices, the agreement and its admitted suppliers, the supplier's credit records, what the purchaser bought of the
 * category under the budget item in the budget year before), {@code rules/mall} decides, the decision is recorded
 * (kind {@value #KIND}) and an admitted order is stored PLACED, so that the next order's sum sees it.
 */
@Service
public class MallOrders {

    public static final String KIND = "MALL_ORDER";
    static final String PLACED = "PLACED";

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final CreditRegistry credit;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final ObjectMapper json;
    private final Clock clock;

    MallOrders(JdbcClient jdbc, Agreements agreements, CreditRegistry credit, RuleSetRegistry ruleSets,
            DecisionRecords decisionRecords, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.credit = credit;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.json = json;
        this.clock = clock;
    }

    public record NewOrder(String purchaser, String budgetItem, String agreementId, String supplierCode,
            String regionCode, List<NewLine> lines) {
    }

    public record NewLine(String itemId, BigDecimal quantity, BigDecimal unitPrice) {
    }

    /** An order the rules admitted, with the flags they raised, its decision and the rule-set version. */
    public record PlacedOrder(String id, String purchaser, String budgetItem, int budgetYear, String agreementId,
            String category, String supplierCode, String regionCode, BigDecimal amount, LocalDate orderDay,
            String status, List<MallFlag> flags, String decisionId, String ruleSetVersion) {
    }

    public PlacedOrder place(NewOrder order, Operator operator) {
        Agreement agreement = agreement(order.agreementId());
        List<OrderLineFacts> lines = lines(order.lines(), agreement);
        BigDecimal amount = lines.stream().map(l -> l.quantity().multiply(l.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        LocalDate day = clock.instant().atZone(LegalClock.CHINA).toLocalDate();
        int year = day.getYear();
        BigDecimal earlier = jdbc.sql("""
                select coalesce(sum(amount), 0) from mall_order
                where purchaser = ? and category = ? and budget_item = ? and budget_year = ? and status = ?""")
                .params(order.purchaser(), agreement.category(), order.budgetItem(), year, PLACED)
                .query(BigDecimal.class).single();
        OrderFacts facts = new OrderFacts(order.purchaser(), order.budgetItem(), year, agreement.category(),
                agreement.quotaKind(), order.regionCode(), amount, order.supplierCode(), agreement.id(), day);
        List<Object> all = new ArrayList<>();
        all.add(facts);
        all.add(agreement.facts());
        all.addAll(agreement.suppliers());
        all.addAll(lines);
        all.addAll(credit.recordsOf(List.of(order.supplierCode())));
        all.add(new SplitPurchaseSum(order.purchaser(), agreement.category(), order.budgetItem(), year, earlier,
                earlier.add(amount)));
        RuleSet ruleSet = ruleSets.active();
        RuleSet.Evaluation evaluation = ruleSet.evaluate(day, all);
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();
        List<MallFlag> flags = evaluation.all(MallFlag.class);
        String decisionId = record(ruleSet, all, day, evaluation, violations, flags, operator);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations, decisionId);
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into mall_order (id, purchaser, budget_item, budget_year, agreement_id, category, supplier_code,
                    region_code, amount, order_day, status, decision_id, lines_json, placed_by, placed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, order.purchaser(), order.budgetItem(), year, agreement.id(), agreement.category(),
                        order.supplierCode(), order.regionCode(), amount, day, PLACED, decisionId,
                        text(order.lines()), operator.userId(), Timestamp.from(clock.instant()))
                .update();
        return new PlacedOrder(id, order.purchaser(), order.budgetItem(), year, agreement.id(), agreement.category(),
                order.supplierCode(), order.regionCode(), amount, day, PLACED, flags, decisionId, ruleSet.version());
    }

    private Agreement agreement(String id) {
        try {
            return agreements.get(id);
        } catch (io.huitong.shared.web.NotFoundException e) {
            throw ValidationException.of("agreementId", id, null, "没有该框架协议", "No such framework agreement");
        }
    }

    private static List<OrderLineFacts> lines(List<NewLine> given, Agreement agreement) {
        List<OrderLineFacts> lines = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NewLine line = given.get(i);
            Agreement.Item item = agreement.items().stream().filter(it -> it.id().equals(line.itemId())).findFirst()
                    .orElse(null);
            if (item == null) {
                throw ValidationException.of("lines[" + i + "].itemId", line.itemId(), null,
                        "该商品不属于此框架协议", "The item is not of this framework agreement");
            }
            lines.add(new OrderLineFacts(i, item.id(), item.specification(), line.quantity(), line.unitPrice(),
                    item.maxUnitPrice()));
        }
        return lines;
    }

    private String record(RuleSet ruleSet, List<Object> facts, LocalDate day, RuleSet.Evaluation evaluation,
            List<Violation> violations, List<MallFlag> flags, Operator operator) {
        ObjectNode inputs = json.createObjectNode();
        inputs.set("facts", decisionRecords.facts(facts));
        inputs.put(DecisionReplay.AS_OF, day.toString());
        ObjectNode outputs = json.createObjectNode();
        outputs.set("flags", json.valueToTree(flags));
        String id = UUID.randomUUID().toString();
        decisionRecords.save(new DecisionRecord(id, KIND,
                violations.isEmpty() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false, null,
                ruleSet.version(), clock.instant(), operator.userId(), operator.address(), inputs, outputs,
                evaluation.firedRules(), violations));
        return id;
    }

    private String text(List<NewLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
