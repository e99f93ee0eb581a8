package io.huitong.registry;

import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entity's performance records (业绩) and the assignments of its registered persons as project manager (在建项目,
 * docs/rules.md O2), declared by the entity as {@link EntityRecords} describes: its own only, never an authority's.
 * A performance record of its own it may correct or delete (that harms only itself); an assignment, once declared,
 * it may only tell the completion or stop of, from the day it tells it on, and never delete ({@link AssignmentKept}).
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
     * Adds an assignment (id null): the person must be registered with the entity; completion and stop are not before
     * the start. Or tells what became of one of the entity's own ({@link #changeAssignment}).
     */
    @Transactional
    public ManagerAssignment declareAssignment(String code, String id, String certificateNo, String project,
            String projectCode, String client, LocalDate startDate, LocalDate completedOn, LocalDate stoppedSince,
            boolean clientConsent, String userId) {
        entities.requireEntityOf(code, userId);
        EntityRecords.notBefore("completedOn", completedOn, "startDate", startDate);
        EntityRecords.notBefore("stoppedSince", stoppedSince, "startDate", startDate);
        if (id != null) {
            return changeAssignment(code, id, certificateNo, project, projectCode, client, startDate, completedOn,
                    stoppedSince, clientConsent, userId);
        }
        long registered = jdbc.sql("select count(*) from registry_person where certificate_no = ? and employer_code = ?")
                .params(certificateNo, code).query(Long.class).single();
        if (registered == 0) {
            throw ValidationException.of("certificateNo", certificateNo, code, "该人员未在本单位注册",
                    "No registered person of this entity holds the certificate");
        }
        String key = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into registry_assignment (id, certificate_no, credit_code, project, project_code, client,
                    start_date, completed_on, stopped_since, client_consent, source, check_id, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(key, certificateNo, code, project, projectCode, client, startDate, completedOn, stoppedSince,
                        clientConsent, Source.SELF.name(), entities.now(), userId)
                .update();
        return assignment(key);
    }

    /**
     * What became of a declared assignment (docs/registry.md): the entity tells that the project was accepted as
     * completed, or stopped, with or without the client's consent; nothing else of it changes (409). A date it tells
     * takes effect no earlier than the day it tells it (422): no completion or stop before today, by the clock, and
     * the client's consent is counted from a stop on or after today. Each change is kept with the values before.
     */
    private ManagerAssignment changeAssignment(String code, String id, String certificateNo, String project,
            String projectCode, String client, LocalDate startDate, LocalDate completedOn, LocalDate stoppedSince,
            boolean clientConsent, String userId) {
        entities.requireOwnDeclaration("registry_assignment", "id", id, "credit_code", code, "id");
        // the row locked: concurrent changes of one assignment follow each other, each seeing the one before
        ManagerAssignment before = jdbc.sql("select * from registry_assignment where id = ? for update").param(id)
                .query(WorkRecords::assignment).single();
        fixed("certificateNo", before.certificateNo(), certificateNo);
        fixed("project", before.project(), project);
        fixed("projectCode", before.projectCode(), projectCode);
        fixed("client", before.client(), client);
        fixed("startDate", before.startDate(), startDate);
        LocalDate today = LocalDate.now(entities.clock());
        notBackDated("completedOn", before.completedOn(), completedOn, today);
        notBackDated("stoppedSince", before.stoppedSince(), stoppedSince, today);
        if (clientConsent && !before.clientConsent() && stoppedSince != null && stoppedSince.isBefore(today)) {
            throw dated("clientConsent", stoppedSince, today, "建设单位同意自申报之日起计：停工日期须不早于申报当日，"
                    + "或由主管部门记录", "The client's consent counts from the day it is told: declare the stop "
                    + "from today on (stoppedSince), or have the authority record it");
        }
        if (Objects.equals(before.completedOn(), completedOn) && Objects.equals(before.stoppedSince(), stoppedSince)
                && before.clientConsent() == clientConsent) {
            return before;
        }
        jdbc.sql("""
                insert into registry_assignment_change (id, assignment_id, change_no, credit_code, changed_at, changed_by,
                    completed_on_before, completed_on, stopped_since_before, stopped_since, client_consent_before,
                    client_consent) values (?, ?, (select count(*) + 1 from registry_assignment_change
                    where assignment_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), id, id, code, entities.now(), userId, before.completedOn(),
                        completedOn, before.stoppedSince(), stoppedSince, before.clientConsent(), clientConsent)
                .update();
        jdbc.sql("update registry_assignment set completed_on = ?, stopped_since = ?, client_consent = ? where id = ?")
                .params(completedOn, stoppedSince, clientConsent, id).update();
        return assignment(id);
    }

    /** The changes told of an assignment, oldest first (404 when the entity has no such assignment). */
    public List<AssignmentChange> assignmentChanges(String code, String id) {
        assignmentOf(code, id);
        return jdbc.sql("""
                select * from registry_assignment_change where assignment_id = ? order by change_no""")
                .param(id).query((rs, i) -> new AssignmentChange(rs.getString("id"), rs.getString("assignment_id"),
                        rs.getInt("change_no"), rs.getString("credit_code"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), RegistryFacts.date(rs, "completed_on_before"),
                        RegistryFacts.date(rs, "completed_on"), RegistryFacts.date(rs, "stopped_since_before"),
                        RegistryFacts.date(rs, "stopped_since"), rs.getBoolean("client_consent_before"),
                        rs.getBoolean("client_consent")))
                .list();
    }

    /** An assignment is never deleted by the entity (409): O2 decides on it; completion and stop are told instead. */
    @Transactional
    public void deleteAssignment(String code, String id, String userId) {
        entities.requireEntityOf(code, userId);
        entities.requireOwnDeclaration("registry_assignment", "id", id, "credit_code", code, "id");
        throw new AssignmentKept("id", "在建项目一经申报不得删除，只能申报竣工验收（completedOn）或停工（stoppedSince、"
                + "clientConsent）", "A declared assignment is kept: tell its completion (completedOn) or stop "
                + "(stoppedSince, clientConsent) instead");
    }

    private ManagerAssignment assignment(String id) {
        return jdbc.sql("select * from registry_assignment where id = ?").param(id)
                .query(WorkRecords::assignment).single();
    }

    private void assignmentOf(String code, String id) {
        jdbc.sql("select id from registry_assignment where id = ? and credit_code = ?").params(id, code)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("记录不存在 / No assignment " + id + " of " + code));
    }

    private static void fixed(String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            throw new AssignmentKept(field, "在建项目申报后只能申报竣工验收或停工，" + field + " 不得更改",
                    "Once declared, an assignment changes only by its completion or stop: " + field + " stays "
                            + before);
        }
    }

    private static void notBackDated(String field, LocalDate before, LocalDate after, LocalDate today) {
        if (after != null && !after.equals(before) && after.isBefore(today)) {
            throw dated(field, after, today, field + " 不得早于申报当日（" + today + "）；更早的日期由主管部门记录",
                    field + " cannot be before the day it is told (" + today + "); an earlier date is the "
                            + "authority's to record");
        }
    }

    private static ValidationException dated(String field, LocalDate value, LocalDate today, String zh, String en) {
        return new ValidationException(List.of(Violation.of(field, "registry.assignment-dated",
                AssignmentKept.CITATION, today, value, zh, en)));
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
