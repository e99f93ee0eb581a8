package io.huitong.registry;

import io.huitong.shared.web.ValidationException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entity's performance records (业绩) and the assignments of its registered persons as project manager (在建项目,
 * docs/rules.md O2), declared by the entity as {@link EntityRecords} describes: its own only, never an authority's.
 */
@Service
public class WorkRecords {

    private final JdbcClient jdbc;
    private final EntityRecords entities;

    WorkRecords(JdbcClient jdbc, EntityRecords entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    /** A page of the entity's performance records, latest end first. */
    public List<PerformanceRecord> performance(String creditCode, int page, int size) {
        return jdbc.sql("""
                select * from registry_performance where credit_code = ? order by end_date desc nulls first, id
                limit ? offset ?""").params(creditCode, size, (long) page * size)
                .query(WorkRecords::performance).list();
    }

    /** Adds a performance record (id null) or corrects one of the entity's own. */
    @Transactional
    public PerformanceRecord declarePerformance(String code, String id, String project, String client,
            BigDecimal amount, LocalDate startDate, LocalDate endDate, String role, String worksKind, String userId) {
        entities.requireEntityOf(code, userId);
        EntityRecords.notBefore("endDate", endDate, "startDate", startDate);
        String key = id == null ? UUID.randomUUID().toString() : id;
        if (id != null) {
            entities.requireOwnDeclaration("registry_performance", "id", id, "credit_code", code, "id");
            jdbc.sql("delete from registry_performance where id = ?").param(id).update();
        }
        jdbc.sql("""
                insert into registry_performance (id, credit_code, project, client, amount, start_date, end_date, role,
                    works_kind, source, check_id, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(key, code, project, client, amount, startDate, endDate, role, worksKind, Source.SELF.name(),
                        entities.now(), userId)
                .update();
        return jdbc.sql("select * from registry_performance where id = ?").param(key)
                .query(WorkRecords::performance).single();
    }

    @Transactional
    public void deletePerformance(String code, String id, String userId) {
        entities.requireEntityOf(code, userId);
        entities.requireOwnDeclaration("registry_performance", "id", id, "credit_code", code, "id");
        jdbc.sql("delete from registry_performance where id = ?").param(id).update();
    }

    /**
     * Adds an assignment (id null) or corrects one of the entity's own: the person must be registered with the
     * entity; completion and stop are not before the start.
     */
    @Transactional
    public ManagerAssignment declareAssignment(String code, String id, String certificateNo, String project,
            String projectCode, String client, LocalDate startDate, LocalDate completedOn, LocalDate stoppedSince,
            boolean clientConsent, String userId) {
        entities.requireEntityOf(code, userId);
        EntityRecords.notBefore("completedOn", completedOn, "startDate", startDate);
        EntityRecords.notBefore("stoppedSince", stoppedSince, "startDate", startDate);
        long registered = jdbc.sql("select count(*) from registry_person where certificate_no = ? and employer_code = ?")
                .params(certificateNo, code).query(Long.class).single();
        if (registered == 0) {
            throw ValidationException.of("certificateNo", certificateNo, code, "该人员未在本单位注册",
                    "No registered person of this entity holds the certificate");
        }
        String key = id == null ? UUID.randomUUID().toString() : id;
        if (id != null) {
            entities.requireOwnDeclaration("registry_assignment", "id", id, "credit_code", code, "id");
            jdbc.sql("delete from registry_assignment where id = ?").param(id).update();
        }
        jdbc.sql("""
                insert into registry_assignment (id, certificate_no, credit_code, project, project_code, client,
                    start_date, completed_on, stopped_since, client_consent, source, check_id, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(key, certificateNo, code, project, projectCode, client, startDate, completedOn, stoppedSince,
                        clientConsent, Source.SELF.name(), entities.now(), userId)
                .update();
        return jdbc.sql("select * from registry_assignment where id = ?").param(key)
                .query(WorkRecords::assignment).single();
    }

    @Transactional
    public void deleteAssignment(String code, String id, String userId) {
        entities.requireEntityOf(code, userId);
        entities.requireOwnDeclaration("registry_assignment", "id", id, "credit_code", code, "id");
        jdbc.sql("delete from registry_assignment where id = ?").param(id).update();
    }

    static List<ManagerAssignment> assignmentsOf(JdbcClient jdbc, String creditCode) {
        return jdbc.sql("select * from registry_assignment where credit_code = ? order by start_date, id")
                .param(creditCode).query(WorkRecords::assignment).list();
    }

    static PerformanceRecord performance(ResultSet rs, int row) throws SQLException {
        return new PerformanceRecord(rs.getString("id"), rs.getString("credit_code"), rs.getString("project"),
                rs.getString("client"), rs.getBigDecimal("amount"), RegistryFacts.date(rs, "start_date"),
                RegistryFacts.date(rs, "end_date"), rs.getString("role"), rs.getString("works_kind"),
                Source.valueOf(rs.getString("source")), rs.getString("check_id"));
    }

    static ManagerAssignment assignment(ResultSet rs, int row) throws SQLException {
        return new ManagerAssignment(rs.getString("id"), rs.getString("certificate_no"), rs.getString("credit_code"),
                rs.getString("project"), rs.getString("project_code"), rs.getString("client"),
                RegistryFacts.date(rs, "start_date"), RegistryFacts.date(rs, "completed_on"),
                RegistryFacts.date(rs, "stopped_since"), rs.getBoolean("client_consent"),
                Source.valueOf(rs.getString("source")), rs.getString("check_id"));
    }
}
