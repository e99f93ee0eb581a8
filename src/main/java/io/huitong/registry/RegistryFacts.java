package io.huitong.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the rules decide a bidder's eligibility on (issue 18; docs/rules.md O2, O3), read in two indexed queries: one
 * by credit code (the entity, its qualifications, its performance of the kind and period asked for) and one by the
 * proposed project manager's certificate number (the person and every assignment on record). Plain records, for a
 * rule session to match. A registered person or an assignment an entity declared itself ({@link Source#SELF}) is a
 * fact about that entity only: another bidder's facts never include it, an authority's record counts for all.
 */
@Service
public class RegistryFacts {

    private final JdbcClient jdbc;

    RegistryFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The facts of a bidder on a day.
     *
     * @param creditCode the bidder's unified social credit code
     * @param on the day they are decided for (the bid deadline); kept in the facts, nothing is filtered by it
     * @param managerCertificateNo the proposed project manager's certificate number, or null
     * @param worksKind the kind of works the performance must be of, or null for every kind
     * @param performanceSince the first day of the period performance must end in (inclusive), or null for any
     */
    public BidderFacts of(String creditCode, LocalDate on, String managerCertificateNo, String worksKind,
            LocalDate performanceSince) {
        Entity rows = entityRows(creditCode, worksKind, performanceSince);
        RegisteredPerson manager = null;
        List<ManagerAssignment> assignments = new ArrayList<>();
        if (managerCertificateNo != null && !managerCertificateNo.isBlank()) {
            // the authority's record of the person if there is one, else the bidder's own declaration; assignments
            // recorded by an authority, or declared by the bidder itself: another entity's declaration binds only it
            RegisteredPerson[] person = new RegisteredPerson[1];
            jdbc.sql("""
                    select p.certificate_no, p.name, p.registration_kind, p.speciality, p.employer_code, p.valid_to,
                        p.source, p.check_id, a.id a_id, a.credit_code a_code, a.project, a.project_code, a.client,
                        a.start_date, a.completed_on, a.stopped_since, a.client_consent, a.source a_source,
                        a.check_id a_check
                    from registry_person p left join registry_assignment a on a.certificate_no = p.certificate_no
                        and (a.source <> 'SELF' or a.credit_code = :code)
                    where p.certificate_no = :cert and (p.source <> 'SELF' or p.employer_code = :code)
                    order by case when p.source = 'SELF' then 1 else 0 end, p.employer_code, a.start_date, a.id""")
                    .param("cert", managerCertificateNo).param("code", creditCode).query(rs -> {
                        if (person[0] == null) {
                            person[0] = person(rs);
                        } else if (!person[0].source().name().equals(rs.getString("source"))
                                || !person[0].employerCode().equals(rs.getString("employer_code"))) {
                            return;
                        }
                        if (rs.getString("a_id") != null) {
                            assignments.add(assignment(rs));
                        }
                    });
            manager = person[0];
        }
        return new BidderFacts(creditCode, on, rows.entity, rows.qualifications, manager, assignments,
                rows.performance);
    }

    /** The facts without a project manager or performance. */
    public BidderFacts of(String creditCode, LocalDate on) {
        return of(creditCode, on, null, null, null);
    }

    private static final class Entity {
        TradingEntity entity;
        final List<Qualification> qualifications = new ArrayList<>();
        final List<PerformanceRecord> performance = new ArrayList<>();
    }

    private Entity entityRows(String creditCode, String worksKind, LocalDate since) {
        StringBuilder performance = new StringBuilder("""
                select 'R', id, project, client, role, works_kind, start_date, end_date, amount, source, check_id,
                    recorded_at, recorded_by
                from registry_performance where credit_code = :code""");
        if (worksKind != null) {
            performance.append(" and works_kind = :kind");
        }
        if (since != null) {
            performance.append(" and end_date >= :since");
        }
        var statement = jdbc.sql("""
                select 'E' k, credit_code id, name t1, entity_type t2, legal_representative t3, region_code t4,
                    cast(null as date) d1, cast(null as date) d2, cast(null as decimal(18, 2)) amount, source,
                    check_id, recorded_at, recorded_by
                from registry_entity where credit_code = :code
                union all
                select 'Q', id, kind, grade, issuer, number, valid_from, valid_to, cast(null as decimal(18, 2)),
                    source, check_id, recorded_at, recorded_by
                from registry_qualification where credit_code = :code
                union all
                """ + performance + " order by 1, 8, 2").param("code", creditCode);
        if (worksKind != null) {
            statement = statement.param("kind", worksKind);
        }
        if (since != null) {
            statement = statement.param("since", since);
        }
        Entity result = new Entity();
        statement.query(rs -> {
            Source source = Source.valueOf(rs.getString("source"));
            String check = rs.getString("check_id");
            switch (rs.getString("k")) {
                case "E" -> result.entity = new TradingEntity(rs.getString("id"), rs.getString("t1"),
                        rs.getString("t2"), rs.getString("t3"), rs.getString("t4"), source, check,
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
                case "Q" -> result.qualifications.add(new Qualification(rs.getString("id"), creditCode,
                        rs.getString("t1"), rs.getString("t2"), rs.getString("t3"), rs.getString("t4"),
                        date(rs, "d1"), date(rs, "d2"), source, check));
                default -> result.performance.add(new PerformanceRecord(rs.getString("id"), creditCode,
                        rs.getString("t1"), rs.getString("t2"), rs.getBigDecimal("amount"), date(rs, "d1"),
                        date(rs, "d2"), rs.getString("t3"), rs.getString("t4"), source, check));
            }
        });
        return result;
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static RegisteredPerson person(ResultSet rs) throws SQLException {
        return new RegisteredPerson(rs.getString("certificate_no"), rs.getString("name"),
                rs.getString("registration_kind"), rs.getString("speciality"), rs.getString("employer_code"),
                date(rs, "valid_to"), Source.valueOf(rs.getString("source")), rs.getString("check_id"));
    }

    private static ManagerAssignment assignment(ResultSet rs) throws SQLException {
        return new ManagerAssignment(rs.getString("a_id"), rs.getString("certificate_no"), rs.getString("a_code"),
                rs.getString("project"), rs.getString("project_code"), rs.getString("client"),
                date(rs, "start_date"), date(rs, "completed_on"), date(rs, "stopped_since"),
                rs.getBoolean("client_consent"), Source.valueOf(rs.getString("a_source")), rs.getString("a_check"));
    }

}
