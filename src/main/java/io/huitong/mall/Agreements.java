package io.huitong.mall;

import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Framework agreements, kept by centre clerks: created with their items, then suppliers admitted (a closed agreement's
 * in its first stage, an open agreement's whenever one meets the published conditions, as {@code rules/mall}
 * decides). Read by anyone.
 */
@Service
public class Agreements {

    private final JdbcClient jdbc;
    private final RuleSetRegistry ruleSets;
    private final Clock clock;

    Agreements(JdbcClient jdbc, RuleSetRegistry ruleSets, Clock clock) {
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /** What a clerk gives to create an agreement. */
    public record NewAgreement(String number, String name, AgreementKind kind, String regionCode, String category,
            QuotaKind quotaKind, LocalDate validFrom, LocalDate validTo, SecondStage secondStage,
            BigDecimal secondaryCompetitionAbove, List<NewItem> items) {
    }

    public record NewItem(String category, String specification, BigDecimal maxUnitPrice) {
    }

    @Transactional
    public Agreement create(NewAgreement a, Operator operator) {
        if (a.validTo().isBefore(a.validFrom())) {
            throw ValidationException.of("validTo", a.validTo(), a.validFrom(), "有效期止日早于起日",
                    "The term ends before it starts");
        }
        if (a.secondStage() == SecondStage.SECONDARY_COMPETITION && a.secondaryCompetitionAbove() == null) {
            throw ValidationException.of("secondaryCompetitionAbove", null, null, "二次竞价须写明适用的金额",
                    "Secondary competition names the amount above which it applies");
        }
        if (jdbc.sql("select count(*) from mall_agreement where agreement_no = ?").param(a.number())
                .query(Long.class).single() > 0) {
            throw new ConflictException("框架协议编号已存在 / The agreement number exists: " + a.number());
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into mall_agreement (id, agreement_no, name, kind, region_code, category, quota_kind, valid_from,
                    valid_to, second_stage, secondary_competition_above, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, a.number(), a.name(), a.kind().name(), a.regionCode(), a.category(),
                        a.quotaKind().name(), a.validFrom(), a.validTo(), a.secondStage().name(),
                        a.secondaryCompetitionAbove(), operator.userId(), Timestamp.from(clock.instant()))
                .update();
        for (NewItem item : a.items()) {
            jdbc.sql("insert into mall_agreement_item (id, agreement_id, category, specification, max_unit_price) "
                    + "values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), id, item.category(), item.specification(),
                            item.maxUnitPrice())
                    .update();
        }
        return get(id);
    }

    /** Admits a supplier on a day, as the admission rules allow; 422 naming {@code admittedOn} and the rule if not. */
    @Transactional
    public Agreement admit(String agreementId, String creditCode, String name, LocalDate admittedOn,
            Operator operator) {
        Agreement a = get(agreementId);
        if (a.suppliers().stream().anyMatch(s -> s.creditCode().equals(creditCode))) {
            throw new ConflictException("供应商已入围 / The supplier is already admitted: " + creditCode);
        }
        RuleSet ruleSet = ruleSets.active();
        RuleSet.Evaluation evaluation = ruleSet.evaluate(admittedOn, List.of(new AdmissionFacts(a.id(), a.number(),
                a.kind(), a.validFrom(), a.validTo(), creditCode, admittedOn)));
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        jdbc.sql("insert into mall_admitted_supplier (agreement_id, credit_code, name, admitted_on, admitted_by) "
                + "values (?, ?, ?, ?, ?)")
                .params(agreementId, creditCode, name, admittedOn, operator.userId()).update();
        return get(agreementId);
    }

    public Agreement get(String id) {
        return jdbc.sql("select * from mall_agreement where id = ?").param(id)
                .query((rs, i) -> new Agreement(rs.getString("id"), rs.getString("agreement_no"),
                        rs.getString("name"), AgreementKind.valueOf(rs.getString("kind")),
                        rs.getString("region_code"), rs.getString("category"),
                        QuotaKind.valueOf(rs.getString("quota_kind")), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), SecondStage.valueOf(rs.getString("second_stage")),
                        rs.getBigDecimal("secondary_competition_above"), items(id), suppliers(id)))
                .optional().orElseThrow(() -> new NotFoundException("没有该框架协议 / No such agreement: " + id));
    }

    public List<Agreement> all() {
        return jdbc.sql("select id from mall_agreement order by agreement_no").query(String.class).list().stream()
                .map(this::get).toList();
    }

    private List<Agreement.Item> items(String agreementId) {
        return jdbc.sql("select * from mall_agreement_item where agreement_id = ? order by specification, id")
                .param(agreementId)
                .query((rs, i) -> new Agreement.Item(rs.getString("id"), rs.getString("category"),
                        rs.getString("specification"), rs.getBigDecimal("max_unit_price")))
                .list();
    }

    private List<AdmittedSupplier> suppliers(String agreementId) {
        return jdbc.sql("select * from mall_admitted_supplier where agreement_id = ? order by admitted_on, credit_code")
                .param(agreementId)
                .query((rs, i) -> new AdmittedSupplier(agreementId, rs.getString("credit_code"), rs.getString("name"),
                        rs.getObject("admitted_on", LocalDate.class)))
                .list();
    }
}
