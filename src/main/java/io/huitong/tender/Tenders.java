package io.huitong.tender;

import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenders in the database. Updates check the row version: a concurrent change is a conflict, not a loss. */
@Repository
class Tenders {

    private final JdbcClient jdbc;

    Tenders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Tender t) {
        jdbc.sql("""
                insert into tender (id, title, regime, category, service_kind, procurement_method, estimated_amount,
                    region_code, document_issue_date, bid_deadline, status, rule_set_version,
                    registration_decision_id, registration, decisions, process_instance_id, return_reason,
                    registered_at, registered_by, row_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.title(), t.regime().name(), t.category().name(),
                        t.serviceKind() == null ? null : t.serviceKind().name(), t.procurementMethod().name(),
                        t.estimatedAmount(), t.regionCode(), t.documentIssueDate(),
                        Timestamp.from(t.bidDeadline().toInstant()), t.status().name(), t.ruleSetVersion(),
                        t.registrationDecisionId(), t.registrationJson(), t.decisionsJson(), t.processInstanceId(),
                        t.returnReason(), Timestamp.from(t.registeredAt()), t.registeredBy(), t.rowVersion())
                .update();
    }

    void update(Tender t) {
        int updated = jdbc.sql("""
                update tender set status = ?, process_instance_id = ?, return_reason = ?, document_issue_date = ?,
                    bid_deadline = ?, round = ?, lifecycle_instance_id = ?, suspended_at = ?, suspended_from = ?,
                    winner_bid_id = ?, outcome_reason = ?, failure_kind = ?, decisions = ?, row_version = ?
                where id = ? and row_version = ?""")
                .params(t.status().name(), t.processInstanceId(), t.returnReason(), t.documentIssueDate(),
                        Timestamp.from(t.bidDeadline().toInstant()), t.round(), t.lifecycleInstanceId(),
                        t.suspendedAt() == null ? null : Timestamp.from(t.suspendedAt()),
                        t.suspendedFrom() == null ? null : t.suspendedFrom().name(), t.winnerBidId(),
                        t.outcomeReason(), t.failureKind() == null ? null : t.failureKind().name(), t.decisionsJson(),
                        t.rowVersion() + 1, t.id(), t.rowVersion())
                .update();
        if (updated != 1) {
            throw new ConflictException("招标项目 " + t.id() + " 已被他人修改，请刷新后重试 / Tender " + t.id()
                    + " was changed concurrently: reload and retry");
        }
        t.incrementVersion();
    }

    /** The tender, its row locked until the transaction ends (a bid and the closing of bidding exclude each other). */
    Tender lock(String id) {
        jdbc.sql("select id from tender where id = ? for update").param(id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("招标项目不存在 / No tender " + id));
        return get(id);
    }

    Optional<Tender> find(String id) {
        return jdbc.sql("select * from tender where id = ?").param(id).query(Tenders::map).optional();
    }

    Tender get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("招标项目不存在 / No tender " + id));
    }

    /** A page of tenders matching the filter, newest registration first; {@code registeredBy} limits to one user's. */
    TenderList page(TenderList.Filter filter, String registeredBy, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (!filter.statuses().isEmpty()) {
            where.append(" and status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.region() != null) {
            where.append(" and region_code like :region");
            params.put("region", filter.region() + "%");
        }
        if (filter.regime() != null) {
            where.append(" and regime = :regime");
            params.put("regime", filter.regime().name());
        }
        if (filter.text() != null) {
            where.append(" and lower(title) like :text escape '\\'");
            params.put("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (registeredBy != null) {
            where.append(" and registered_by = :registeredBy");
            params.put("registeredBy", registeredBy);
        }
        long total = jdbc.sql("select count(*) from tender" + where).params(params).query(Long.class).single();
        params.put("offset", (long) page * size);
        params.put("size", size);
        List<TenderList.Summary> items = jdbc.sql("select * from tender" + where
                + " order by registered_at desc, id offset :offset rows fetch next :size rows only")
                .params(params).query(Tenders::map).list().stream()
                .map(t -> new TenderList.Summary(t.id(), t.title(), t.status(), t.status().label(), t.regime(),
                        t.category(), t.procurementMethod(), t.estimatedAmount(), t.regionCode(),
                        t.documentIssueDate(), t.bidDeadline(), t.round(), t.registeredAt(), t.registeredBy()))
                .toList();
        return new TenderList(items, page, size, total);
    }

    private static Tender map(ResultSet rs, int row) throws SQLException {
        String serviceKind = rs.getString("service_kind");
        Tender tender = new Tender(rs.getString("id"), rs.getString("title"), Regime.valueOf(rs.getString("regime")),
                Category.valueOf(rs.getString("category")),
                serviceKind == null ? null : ServiceKind.valueOf(serviceKind),
                ProcurementMethod.valueOf(rs.getString("procurement_method")), rs.getBigDecimal("estimated_amount"),
                rs.getString("region_code"), rs.getObject("document_issue_date", java.time.LocalDate.class),
                OffsetDateTime.ofInstant(rs.getTimestamp("bid_deadline").toInstant(), ZoneOffset.ofHours(8)),
                rs.getString("rule_set_version"), rs.getString("registration_decision_id"),
                rs.getString("registration"), rs.getString("decisions"), rs.getTimestamp("registered_at").toInstant(),
                rs.getString("registered_by"), TenderStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), rs.getString("return_reason"), rs.getInt("row_version"));
        Timestamp suspendedAt = rs.getTimestamp("suspended_at");
        String suspendedFrom = rs.getString("suspended_from");
        String failureKind = rs.getString("failure_kind");
        tender.restore(rs.getInt("round"), rs.getString("lifecycle_instance_id"),
                suspendedAt == null ? null : suspendedAt.toInstant(),
                suspendedFrom == null ? null : TenderStatus.valueOf(suspendedFrom), rs.getString("winner_bid_id"),
                rs.getString("outcome_reason"), failureKind == null ? null : Tender.FailureKind.valueOf(failureKind));
        return tender;
    }
}
