package io.huitong.registry;

import java.util.List;

/**
 * What a bulk import file holds (docs/registry.md): its columns by header name, the table they go to, and what each
 * row must satisfy beyond its columns: a key unique in the registry and the file, references to entities or persons
 * already registered (or earlier in the file, for entities), dates in order.
 */
public enum ImportKind {

    ENTITIES("registry_entity", false, List.of(
            Column.key("creditCode", "credit_code", Column.Type.CODE),
            Column.text("name", "name", 300, true),
            Column.text("entityType", "entity_type", 100, true),
            Column.text("legalRepresentative", "legal_representative", 100, false),
            Column.text("regionCode", "region_code", 6, false)), List.of()),
    QUALIFICATIONS("registry_qualification", true, List.of(
            Column.entity("creditCode", "credit_code"),
            Column.text("kind", "kind", 100, true),
            Column.text("grade", "grade", 50, true),
            Column.text("issuer", "issuer", 200, true),
            Column.text("number", "number", 100, true),
            Column.of("validFrom", "valid_from", Column.Type.DATE, true),
            Column.of("validTo", "valid_to", Column.Type.DATE, true)), List.of("validTo>=validFrom")),
    PERSONNEL("registry_person", false, List.of(
            Column.key("certificateNo", "certificate_no", Column.Type.TEXT),
            Column.text("name", "name", 100, true),
            Column.text("registrationKind", "registration_kind", 100, true),
            Column.text("speciality", "speciality", 100, false),
            Column.entity("employerCode", "employer_code"),
            Column.of("validTo", "valid_to", Column.Type.DATE, false)), List.of()),
    PERFORMANCE("registry_performance", true, List.of(
            Column.entity("creditCode", "credit_code"),
            Column.text("project", "project", 300, true),
            Column.text("client", "client", 300, true),
            Column.of("amount", "amount", Column.Type.AMOUNT, true),
            Column.of("startDate", "start_date", Column.Type.DATE, true),
            Column.of("endDate", "end_date", Column.Type.DATE, false),
            Column.text("role", "role", 100, true),
            Column.text("worksKind", "works_kind", 100, true)), List.of("endDate>=startDate")),
    ASSIGNMENTS("registry_assignment", true, List.of(
            new Column("certificateNo", "certificate_no", Column.Type.TEXT, true, 64, Column.Ref.PERSON),
            Column.entity("creditCode", "credit_code"),
            Column.text("project", "project", 300, true),
            Column.text("projectCode", "project_code", 100, false),
            Column.text("client", "client", 300, true),
            Column.of("startDate", "start_date", Column.Type.DATE, true),
            Column.of("completedOn", "completed_on", Column.Type.DATE, false),
            Column.of("stoppedSince", "stopped_since", Column.Type.DATE, false),
            Column.of("clientConsent", "client_consent", Column.Type.BOOLEAN, false)),
            List.of("completedOn>=startDate", "stoppedSince>=startDate"));

    final String table;
    /** Whether each row gets a generated id (the others are keyed by a column). */
    final boolean generatedId;
    final List<Column> columns;
    /** Pairs of dates in order, as "later>=earlier". */
    final List<String> dateOrder;

    ImportKind(String table, boolean generatedId, List<Column> columns, List<String> dateOrder) {
        this.table = table;
        this.generatedId = generatedId;
        this.columns = columns;
        this.dateOrder = dateOrder;
    }

    public List<String> headers() {
        return columns.stream().map(Column::name).toList();
    }

    /** One column: its header, its database column, its type, whether required, its longest text, what it names. */
    record Column(String name, String dbColumn, Type type, boolean required, int max, Ref ref) {

        enum Type { TEXT, CODE, DATE, AMOUNT, BOOLEAN }

        /** NEW_ENTITY and NEW_PERSON: a key not yet registered; ENTITY and PERSON: one registered. */
        enum Ref { NONE, NEW_ENTITY, NEW_PERSON, ENTITY, PERSON }

        static Column text(String name, String db, int max, boolean required) {
            return new Column(name, db, Type.TEXT, required, max, Ref.NONE);
        }

        static Column of(String name, String db, Type type, boolean required) {
            return new Column(name, db, type, required, 0, Ref.NONE);
        }

        static Column entity(String name, String db) {
            return new Column(name, db, Type.CODE, true, 18, Ref.ENTITY);
        }

        static Column key(String name, String db, Type type) {
            return new Column(name, db, type, true, type == Type.CODE ? 18 : 64,
                    type == Type.CODE ? Ref.NEW_ENTITY : Ref.NEW_PERSON);
        }
    }
}
