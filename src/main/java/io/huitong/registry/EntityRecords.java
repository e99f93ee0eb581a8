package io.huitong.registry;

import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.party.CreditCodes;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entity keeps its own records (issue 18 item 1): its registration, qualifications and registered personnel,
 * declared as {@link Source#SELF} by an account acting for it (403 for any other). A record an authority confirmed
 * is not the entity's to change (409, {@link AuthorityRecordConflict}). Performance and assignments: {@link
 * WorkRecords}.
 */
@Service
public class EntityRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BidderAccounts accounts;

    EntityRecords(JdbcClient jdbc, Clock clock, BidderAccounts accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
    }

    public Optional<TradingEntity> entity(String creditCode) {
        return jdbc.sql("select * from registry_entity where credit_code = ?").param(creditCode)
                .query(EntityRecords::entity).optional();
    }

    /** The entity with its qualifications, personnel and assignments (404 when not registered). */
    public EntityView view(String creditCode) {
        TradingEntity entity = entity(creditCode).orElseThrow(() -> new NotFoundException(
                "主体未登记 / No entity " + creditCode + " in the registry"));
        List<Qualification> qualifications = jdbc.sql("""
                select * from registry_qualification where credit_code = ? order by kind, valid_to, id""")
                .param(creditCode).query(EntityRecords::qualification).list();
        List<RegisteredPerson> personnel = jdbc.sql("""
                select * from registry_person where employer_code = ? order by certificate_no""")
                .param(creditCode).query((rs, i) -> RegistryFacts.person(rs)).list();
        long performance = jdbc.sql("select count(*) from registry_performance where credit_code = ?")
                .param(creditCode).query(Long.class).single();
        return new EntityView(entity, qualifications, personnel, WorkRecords.assignmentsOf(jdbc, creditCode),
                performance);
    }

    /** The entity declares (or corrects) its registration. */
    @Transactional
    public TradingEntity declareEntity(String code, String name, String entityType, String legalRepresentative,
            String regionCode, String userId) {
        requireActsFor(code, userId);
        Optional<TradingEntity> existing = entity(code);
        if (existing.isPresent() && existing.get().source().authority()) {
            throw new AuthorityRecordConflict("creditCode", existing.get().source(), existing.get().checkId());
        }
        jdbc.sql("delete from registry_entity where credit_code = ?").param(code).update();
        jdbc.sql("""
                insert into registry_entity (credit_code, name, entity_type, legal_representative, region_code, source,
                    check_id, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(code, name, entityType, legalRepresentative, regionCode, Source.SELF.name(), now(), userId)
                .update();
        return entity(code).orElseThrow();
    }

    /** Adds a qualification (id null) or corrects one of the entity's own. */
    @Transactional
    public Qualification declareQualification(String code, String id, String kind, String grade, String issuer,
            String number, LocalDate validFrom, LocalDate validTo, String userId) {
        requireEntityOf(code, userId);
        notBefore("validTo", validTo, "validFrom", validFrom);
        String key = id == null ? UUID.randomUUID().toString() : id;
        if (id != null) {
            requireOwnDeclaration("registry_qualification", "id", id, "credit_code", code, "id");
            jdbc.sql("delete from registry_qualification where id = ?").param(id).update();
        }
        jdbc.sql("""
                insert into registry_qualification (id, credit_code, kind, grade, issuer, number, valid_from, valid_to,
                    source, check_id, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(key, code, kind, grade, issuer, number, validFrom, validTo, Source.SELF.name(), now(), userId)
                .update();
        return jdbc.sql("select * from registry_qualification where id = ?").param(key)
                .query(EntityRecords::qualification).single();
    }

    @Transactional
    public void deleteQualification(String code, String id, String userId) {
        requireEntityOf(code, userId);
        requireOwnDeclaration("registry_qualification", "id", id, "credit_code", code, "id");
        jdbc.sql("delete from registry_qualification where id = ?").param(id).update();
    }

    /**
     * Registers (or corrects) one of the entity's registered persons, by certificate number: the entity's own
     * declaration, which blocks no other entity's of the same number (each declares only for itself, and the rules
     * read a declaration for the entity that made it). An authority's record of the number wins: the entity cannot
     * change it (409) nor declare a person the authority registers with another entity (409).
     */
    @Transactional
    public RegisteredPerson declarePerson(String code, String certificateNo, String name, String registrationKind,
            String speciality, LocalDate validTo, String userId) {
        requireEntityOf(code, userId);
        Optional<String[]> authority = jdbc.sql("""
                select employer_code, source, check_id from registry_person where certificate_no = ? and source <> ?
                order by recorded_at desc""")
                .params(certificateNo, Source.SELF.name())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).stream()
                .findFirst();
        if (authority.isPresent()) {
            Source source = Source.valueOf(authority.get()[1]);
            if (authority.get()[0].equals(code)) {
                throw new AuthorityRecordConflict("certificateNo", source, authority.get()[2]);
            }
            throw new ConflictException("certificateNo: 主管部门（" + source + "）登记该注册证书在其他单位 / The authority ("
                    + source + ", check " + authority.get()[2] + ") registers the certificate " + certificateNo
                    + " with another entity");
        }
        jdbc.sql("delete from registry_person where certificate_no = ? and employer_code = ? and source = ?")
                .params(certificateNo, code, Source.SELF.name()).update();
        jdbc.sql("""
                insert into registry_person (certificate_no, name, registration_kind, speciality, employer_code, valid_to,
                    source, check_id, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, null, ?, ?)""")
                .params(certificateNo, name, registrationKind, speciality, code, validTo, Source.SELF.name(), now(),
                        userId)
                .update();
        return jdbc.sql("select * from registry_person where certificate_no = ? and employer_code = ? and source = ?")
                .params(certificateNo, code, Source.SELF.name()).query((rs, i) -> RegistryFacts.person(rs)).single();
    }

    @Transactional
    public void deletePerson(String code, String certificateNo, String userId) {
        requireEntityOf(code, userId);
        requireOwnDeclaration("registry_person", "certificate_no", certificateNo, "employer_code", code,
                "certificateNo");
        jdbc.sql("delete from registry_person where certificate_no = ? and employer_code = ? and source = ?")
                .params(certificateNo, code, Source.SELF.name()).update();
    }

    /** A valid code (422), an account acting for it (403), and the entity registered (409). */
    void requireEntityOf(String code, String userId) {
        requireActsFor(code, userId);
        if (entity(code).isEmpty()) {
            throw new ConflictException("主体尚未登记，请先申报主体信息 / The entity " + code
                    + " is not in the registry: declare it first");
        }
    }

    private void requireActsFor(String code, String userId) {
        requireValidCode(code);
        accounts.requireActsFor(userId, code, "creditCode");
    }

    static void requireValidCode(String code) {
        if (!CreditCodes.isValid(code)) {
            throw ValidationException.of("creditCode", code, "GB 32100-2015",
                    "统一社会信用代码无效", "Invalid unified social credit code");
        }
    }

    /** The record is there for this entity (404) and is its own declaration (409 otherwise). */
    void requireOwnDeclaration(String table, String keyColumn, String key, String ownerColumn, String code,
            String field) {
        // an authority's record first, should one stand beside the entity's own (a person, while an import loads)
        String[] found = jdbc.sql("select source, check_id from " + table + " where " + keyColumn + " = ? and "
                + ownerColumn + " = ? order by case when source = 'SELF' then 1 else 0 end").params(key, code)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("记录不存在 / No record " + key + " of " + code));
        Source source = Source.valueOf(found[0]);
        if (source.authority()) {
            throw new AuthorityRecordConflict(field, source, found[1]);
        }
    }

    static void notBefore(String field, LocalDate value, String startField, LocalDate start) {
        if (value != null && start != null && value.isBefore(start)) {
            throw ValidationException.of(field, value, startField + " " + start, field + " 不得早于 " + startField,
                    field + " cannot be before " + startField);
        }
    }

    Clock clock() {
        return clock;
    }

    Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static TradingEntity entity(ResultSet rs, int row) throws SQLException {
        return new TradingEntity(rs.getString("credit_code"), rs.getString("name"), rs.getString("entity_type"),
                rs.getString("legal_representative"), rs.getString("region_code"),
                Source.valueOf(rs.getString("source")), rs.getString("check_id"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    static Qualification qualification(ResultSet rs, int row) throws SQLException {
        return new Qualification(rs.getString("id"), rs.getString("credit_code"), rs.getString("kind"),
                rs.getString("grade"), rs.getString("issuer"), rs.getString("number"),
                RegistryFacts.date(rs, "valid_from"), RegistryFacts.date(rs, "valid_to"),
                Source.valueOf(rs.getString("source")), rs.getString("check_id"));
    }
}
