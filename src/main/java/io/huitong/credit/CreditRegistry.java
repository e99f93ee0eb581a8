package io.huitong.credit;

import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the credit registry: records and relations are added and revoked, never deleted. */
@Service
public class CreditRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    CreditRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public CreditRecord record(String partyId, String partyName, CreditRecord.Kind kind, CreditRecord.Scope scope,
            String reason, LocalDate startDate, LocalDate endDate, String citation, String operator) {
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new ValidationException(List.of(Violation.of("endDate", "validation.after-start", null, startDate,
                    endDate, "结束日期不得早于开始日期", "A record cannot end before it starts")));
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into credit_record (id, party_id, party_name, kind, scope, reason, start_date, end_date,
                    citation, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, partyId, partyName, kind.name(), (scope == null ? CreditRecord.Scope.ALL : scope).name(),
                        reason, startDate, endDate, citation, operator, Timestamp.from(clock.instant()))
                .update();
        return get(id);
    }

    @Transactional
    public CreditRecord revoke(String id, String reason, String operator) {
        CreditRecord record = get(id);
        if (record.isRevoked()) {
            throw new io.huitong.shared.web.ConflictException("信用记录已撤销 / The record is already revoked");
        }
        jdbc.sql("update credit_record set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), operator, reason, id)
                .update();
        return get(id);
    }

    public CreditRecord get(String id) {
        return jdbc.sql("select * from credit_record where id = ?").param(id).query(CreditRegistry::record)
                .optional().orElseThrow(() -> new NotFoundException("信用记录不存在 / No credit record " + id));
    }

    /** Every record of these parties, revoked ones included (rules look at their dates). */
    public List<CreditRecord> recordsOf(Collection<String> partyIds) {
        if (partyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from credit_record where party_id in (:ids) order by start_date")
                .param("ids", partyIds).query(CreditRegistry::record).list();
    }

    @Transactional
    public PartyRelation relate(String partyId, String relatedPartyId, PartyRelation.Kind kind, String note,
            String operator) {
        if (partyId.equals(relatedPartyId)) {
            throw new ValidationException(List.of(Violation.of("relatedPartyId", "validation.distinct-parties", null,
                    null, relatedPartyId, "关联关系须在两个不同主体之间", "A relation is between two different parties")));
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into party_relation (id, party_id, related_party_id, kind, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, partyId, relatedPartyId, kind.name(), note, operator, Timestamp.from(clock.instant()))
                .update();
        return relationsAmong(List.of(partyId, relatedPartyId)).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** The relations in which both sides are among these parties. */
    public List<PartyRelation> relationsAmong(Collection<String> partyIds) {
        if (partyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from party_relation where party_id in (:ids) and related_party_id in (:ids)""")
                .param("ids", partyIds)
                .query((rs, i) -> new PartyRelation(rs.getString("id"), rs.getString("party_id"),
                        rs.getString("related_party_id"), PartyRelation.Kind.valueOf(rs.getString("kind")),
                        rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private static CreditRecord record(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new CreditRecord(rs.getString("id"), rs.getString("party_id"), rs.getString("party_name"),
                CreditRecord.Kind.valueOf(rs.getString("kind")), CreditRecord.Scope.valueOf(rs.getString("scope")),
                rs.getString("reason"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("citation"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"), rs.getString("revoke_reason"));
    }
}
