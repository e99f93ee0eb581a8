package io.huitong.registry;

import io.huitong.registry.AuthorityProvider.Answer;
import io.huitong.registry.AuthorityProvider.AuthorityException;
import io.huitong.registry.AuthorityProvider.BusinessRegistration;
import io.huitong.registry.AuthorityProvider.PersonFinding;
import io.huitong.registry.AuthorityProvider.QualificationFinding;
import io.huitong.shared.Digests;
import io.huitong.shared.web.ConflictException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an entity against the authorities (issue 18 item 2): asks each register, keeps the check (request, answer
 * as received, digest, signature) and puts what the authority says in the registry as that authority's records, in
 * place of the authority's earlier ones and of the entity's own declarations of the same certificate numbers. A
 * failed check is kept too and changes nothing else.
 */
@Service
public class AuthorityChecks {

    private final AuthorityProvider authorities;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final EntityRecords records;

    AuthorityChecks(AuthorityProvider authorities, JdbcClient jdbc, Clock clock, TransactionTemplate transaction,
            EntityRecords records) {
        this.authorities = authorities;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = transaction;
        this.records = records;
    }

    /** Checks the entity against the registers named, business registration first; the checks as kept. */
    public List<RegistryCheck> check(String creditCode, Collection<CheckKind> kinds, String operator) {
        EntityRecords.requireValidCode(creditCode);
        List<RegistryCheck> done = new ArrayList<>();
        for (CheckKind kind : new TreeSet<>(kinds)) {
            if (kind != CheckKind.BUSINESS_REGISTRATION && records.entity(creditCode).isEmpty()) {
                throw new ConflictException("主体尚未登记，请先核验工商登记 / The entity is not in the registry: check its "
                        + "business registration first (" + creditCode + ")");
            }
            done.add(checkOne(creditCode, kind, operator));
        }
        return done;
    }

    private RegistryCheck checkOne(String creditCode, CheckKind kind, String operator) {
        String id = UUID.randomUUID().toString();
        Answer<?> answer;
        try {
            answer = switch (kind) {
                case BUSINESS_REGISTRATION -> authorities.businessRegistration(creditCode);
                case QUALIFICATIONS -> authorities.qualifications(creditCode);
                case PERSONNEL -> authorities.personnel(creditCode);
            };
        } catch (AuthorityException e) {
            transaction.executeWithoutResult(t -> store(id, creditCode, kind, operator, "{\"kind\":\"" + kind
                    + "\",\"creditCode\":\"" + creditCode + "\"}", null, null, "FAILED", e.getMessage()));
            return get(id);
        }
        transaction.executeWithoutResult(t -> {
            store(id, creditCode, kind, operator, answer.request(), answer.raw(), answer.signature(),
                    answer.found() == null ? "NOT_FOUND" : "FOUND", null);
            if (answer.found() != null) {
                apply(creditCode, kind, answer.found(), id, operator);
            }
        });
        return get(id);
    }

    @SuppressWarnings("unchecked")
    private void apply(String code, CheckKind kind, Object found, String checkId, String operator) {
        Timestamp now = Timestamp.from(clock.instant());
        switch (kind) {
            case BUSINESS_REGISTRATION -> {
                BusinessRegistration r = (BusinessRegistration) found;
                jdbc.sql("delete from registry_entity where credit_code = ?").param(code).update();
                jdbc.sql("""
                        insert into registry_entity (credit_code, name, entity_type, legal_representative, region_code,
                            source, check_id, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(code, r.name(), r.entityType(), r.legalRepresentative(), r.regionCode(),
                                Source.SAMR.name(), checkId, now, operator)
                        .update();
            }
            case QUALIFICATIONS -> {
                List<QualificationFinding> found_ = (List<QualificationFinding>) found;
                jdbc.sql("delete from registry_qualification where credit_code = ? and source = ?")
                        .params(code, Source.MOHURD.name()).update();
                for (QualificationFinding q : found_) {
                    jdbc.sql("delete from registry_qualification where credit_code = ? and number = ?")
                            .params(code, q.number()).update();
                    jdbc.sql("""
                            insert into registry_qualification (id, credit_code, kind, grade, issuer, number, valid_from,
                                valid_to, source, check_id, recorded_at, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(UUID.randomUUID().toString(), code, q.kind(), q.grade(), q.issuer(), q.number(),
                                    q.validFrom(), q.validTo(), Source.MOHURD.name(), checkId, now, operator)
                            .update();
                }
            }
            case PERSONNEL -> {
                List<PersonFinding> found_ = (List<PersonFinding>) found;
                jdbc.sql("delete from registry_person where employer_code = ? and source = ?")
                        .params(code, Source.MOHURD.name()).update();
                for (PersonFinding p : found_) {
                    jdbc.sql("delete from registry_person where certificate_no = ?").param(p.certificateNo()).update();
                    jdbc.sql("""
                            insert into registry_person (certificate_no, name, registration_kind, speciality,
                                employer_code, valid_to, source, check_id, recorded_at, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(p.certificateNo(), p.name(), p.registrationKind(), p.speciality(), code,
                                    p.validTo(), Source.MOHURD.name(), checkId, now, operator)
                            .update();
                }
            }
        }
    }

    private void store(String id, String code, CheckKind kind, String operator, String request, String raw,
            String signature, String outcome, String error) {
        jdbc.sql("""
                insert into registry_check (id, credit_code, kind, authority, asked_at, asked_by, request, answer,
                    answer_sha256, signature, outcome, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code, kind.name(), kind.authority().name(), Timestamp.from(clock.instant()), operator,
                        request, raw, raw == null ? null : Digests.sha256Hex(raw), signature, outcome,
                        error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .update();
    }

    /** The checks and imports of an entity, newest first. */
    public List<RegistryCheck> checksOf(String creditCode) {
        return jdbc.sql("select * from registry_check where credit_code = ? order by asked_at desc, id")
                .param(creditCode).query(AuthorityChecks::map).list();
    }

    public RegistryCheck get(String id) {
        return jdbc.sql("select * from registry_check where id = ?").param(id).query(AuthorityChecks::map).single();
    }

    static RegistryCheck map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RegistryCheck(rs.getString("id"), rs.getString("credit_code"), rs.getString("kind"),
                Source.valueOf(rs.getString("authority")), rs.getTimestamp("asked_at").toInstant(),
                rs.getString("asked_by"), rs.getString("request"), rs.getString("answer"),
                rs.getString("answer_sha256"), rs.getString("signature"), rs.getString("outcome"),
                rs.getString("error"));
    }
}
