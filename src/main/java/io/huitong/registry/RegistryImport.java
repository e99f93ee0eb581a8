package io.huitong.registry;

import io.huitong.registry.ImportKind.Column;
import io.huitong.registry.ImportRefused.RowError;
import io.huitong.shared.party.CreditCodes;
import io.huitong.shared.web.ConflictException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bulk import of registry files (issue 18 item 5; the format: docs/registry.md). A file is read twice: first every
 * row is checked (columns, types, lengths, credit codes, keys unique, references registered, dates in order) and a
 * file with any bad row is refused whole with the rows, fields and reasons ({@link ImportRefused}); then its rows are
 * inserted with JDBC batches, committed every {@value #COMMIT_ROWS} rows, each carrying the import's id. Should the
 * database fail midway (a concurrent writer took a key), the rows of this import are deleted again: the file is in
 * whole or not at all, though a reader may see part of it while it loads.
 */
@Service
public class RegistryImport {

    public static final int MAX_ERRORS = 100;
    static final int BATCH_ROWS = 1_000;
    static final int COMMIT_ROWS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegistryImport(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Imports a CSV file (UTF-8, a header row naming the columns) of one kind, every row of the given source.
     *
     * @throws ImportRefused when a row is bad: nothing was imported
     */
    public ImportResult load(ImportKind kind, Source source, Path file, String operator) {
        Checked checked = check(kind, source, file);
        if (!checked.errors.isEmpty()) {
            throw new ImportRefused(kind, checked.errors, checked.errorCount);
        }
        String importId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long rows = insert(connection, kind, source, file, checked.header, importId, now, operator);
                if (kind == ImportKind.PERSONNEL && source.authority()) {
                    // the authority's record wins: the entities' own declarations of the same numbers go
                    try (PreparedStatement superseded = connection.prepareStatement("""
                            delete from registry_person where source = 'SELF' and certificate_no in
                                (select certificate_no from registry_person where check_id = ?)""")) {
                        superseded.setString(1, importId);
                        superseded.executeUpdate();
                    }
                }
                try (PreparedStatement check = connection.prepareStatement("""
                        insert into registry_check (id, credit_code, kind, authority, asked_at, asked_by, request,
                            answer, answer_sha256, signature, outcome, error)
                        values (?, null, ?, ?, ?, ?, ?, null, ?, null, 'IMPORTED', null)""")) {
                    check.setString(1, importId);
                    check.setString(2, "IMPORT_" + kind.name());
                    check.setString(3, source.name());
                    check.setTimestamp(4, now);
                    check.setString(5, operator);
                    check.setString(6, "{\"kind\":\"" + kind + "\",\"source\":\"" + source + "\",\"rows\":" + rows
                            + "}");
                    check.setString(7, checked.sha256);
                    check.executeUpdate();
                }
                connection.commit();
                return new ImportResult(importId, kind, source, rows, checked.sha256, now.toInstant());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                log.warn("import {} of {} failed; its rows are removed", importId, kind, e);
                jdbc.sql("delete from " + kind.table + " where check_id = ?").param(importId).update();
                throw new ConflictException("导入失败，未导入任何记录 / The import failed and nothing was imported: "
                        + e.getMessage());
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no database connection for the import", e);
        }
    }

    private long insert(Connection connection, ImportKind kind, Source source, Path file, int[] header,
            String importId, Timestamp now, String operator) throws SQLException {
        List<String> columns = new ArrayList<>();
        if (kind.generatedId) {
            columns.add("id");
        }
        kind.columns.forEach(c -> columns.add(c.dbColumn()));
        columns.addAll(List.of("source", "check_id", "recorded_at", "recorded_by"));
        String sql = "insert into " + kind.table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long rows = 0;
        String idPrefix = importId.substring(0, 25);
        try (PreparedStatement insert = connection.prepareStatement(sql); CsvRows csv = open(file, null)) {
            csv.next();
            String[] record;
            Object[] values = new Object[kind.columns.size()];
            while ((record = csv.next()) != null) {
                if (blank(record)) {
                    continue;
                }
                int p = 1;
                if (kind.generatedId) {
                    // the import's id and the row's number: unique, and in order, so the primary key's index grows
                    // at its end instead of splitting pages at random (a random id each halved the load's speed)
                    insert.setString(p++, idPrefix + String.format("%010d", rows));
                }
                for (int i = 0; i < values.length; i++) {
                    Column column = kind.columns.get(i);
                    Object value = header[i] < 0 ? null : parse(column, record[header[i]]);
                    if (value == null && column.type() == Column.Type.BOOLEAN) {
                        value = Boolean.FALSE;
                    }
                    if (value == null) {
                        insert.setNull(p++, column.type() == Column.Type.DATE ? java.sql.Types.DATE
                                : java.sql.Types.VARCHAR);
                    } else {
                        insert.setObject(p++, value);
                    }
                }
                insert.setString(p++, source.name());
                insert.setString(p++, importId);
                insert.setTimestamp(p++, now);
                insert.setString(p, operator);
                insert.addBatch();
                rows++;
                if (rows % BATCH_ROWS == 0) {
                    insert.executeBatch();
                }
                if (rows % COMMIT_ROWS == 0) {
                    connection.commit();
                }
            }
            insert.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** What the first reading found: where each column is, the bad rows, and the file's digest. */
    private static final class Checked {
        int[] header;
        final List<RowError> errors = new ArrayList<>();
        long errorCount;
        String sha256;

        void error(long row, String field, String value, String reason) {
            errorCount++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RowError(row, field, value != null && value.length() > 200
                        ? value.substring(0, 200) + "…(" + value.length() + ")" : value, reason));
            }
        }
    }

    private Checked check(ImportKind kind, Source source, Path file) {
        Checked checked = new Checked();
        MessageDigest digest = sha256();
        try (CsvRows csv = open(file, digest)) {
            String[] names = csv.next();
            if (csv.overflow() != null) {
                checked.error(1, null, null, csv.overflow().reason());
                return checked;
            }
            checked.header = header(kind, names, checked);
            if (checked.errorCount > 0) {
                return checked;
            }
            Set<String> entities = needs(kind, Column.Ref.ENTITY, Column.Ref.NEW_ENTITY)
                    ? new HashSet<>(jdbc.sql("select credit_code from registry_entity").query(String.class).list())
                    : Set.of();
            Set<String> persons = needs(kind, Column.Ref.PERSON)
                    ? new HashSet<>(jdbc.sql("select certificate_no from registry_person").query(String.class).list())
                    : Set.of();
            PersonKeys personKeys = kind == ImportKind.PERSONNEL ? new PersonKeys(jdbc, source) : null;
            String[] record;
            Object[] values = new Object[kind.columns.size()];
            while ((record = csv.next()) != null) {
                if (blank(record)) {
                    continue;
                }
                long row = csv.row();
                if (csv.overflow() != null) {
                    checked.error(row, csv.overflow().column(names), null, csv.overflow().reason());
                    continue;
                }
                if (record.length != names.length) {
                    checked.error(row, null, null, record.length + " 个字段，表头有 " + names.length + " 个 / "
                            + record.length + " fields where the header has " + names.length);
                    continue;
                }
                for (int i = 0; i < values.length; i++) {
                    Column column = kind.columns.get(i);
                    String raw = checked.header[i] < 0 ? null : record[checked.header[i]];
                    values[i] = null;
                    try {
                        values[i] = parse(column, raw);
                        if (values[i] == null && column.required()) {
                            throw new IllegalArgumentException("必填 / required");
                        }
                        refer(column, (String) (values[i] instanceof String s ? s : null), entities, persons);
                    } catch (IllegalArgumentException e) {
                        checked.error(row, column.name(), raw, e.getMessage());
                    }
                }
                String refused = personKeys == null ? null : personKeys.refuse(values[0], values[4]);
                if (refused != null) {
                    checked.error(row, "certificateNo", (String) values[0], refused);
                }
                for (String order : kind.dateOrder) {
                    String[] pair = order.split(">=");
                    LocalDate later = (LocalDate) values[index(kind, pair[0])];
                    LocalDate earlier = (LocalDate) values[index(kind, pair[1])];
                    if (later != null && earlier != null && later.isBefore(earlier)) {
                        checked.error(row, pair[0], later.toString(), "不得早于 " + pair[1] + " / cannot be before "
                                + pair[1] + " (" + earlier + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checked.sha256 = HexFormat.of().formatHex(digest.digest());
        return checked;
    }

    private static int[] header(ImportKind kind, String[] names, Checked checked) {
        int[] at = new int[kind.columns.size()];
        java.util.Arrays.fill(at, -1);
        if (names == null) {
            checked.error(1, null, null, "文件为空，缺表头 / The file is empty: a header row is required");
            return at;
        }
        Map<String, Integer> given = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].strip();
            if (given.put(name, i) != null) {
                checked.error(1, name, name, "列重复 / column named twice");
            }
            if (!kind.headers().contains(name)) {
                checked.error(1, name, name, "未知列，可用列 / unknown column; the columns are " + kind.headers());
            }
        }
        for (int i = 0; i < at.length; i++) {
            Column column = kind.columns.get(i);
            at[i] = given.getOrDefault(column.name(), -1);
            if (at[i] < 0 && column.required()) {
                checked.error(1, column.name(), null, "缺少必填列 / required column missing");
            }
        }
        return at;
    }

    private static void refer(Column column, String value, Set<String> entities, Set<String> persons) {
        if (value == null) {
            return;
        }
        switch (column.ref()) {
            case NEW_ENTITY -> {
                if (!entities.add(value)) {
                    throw new IllegalArgumentException("主体已登记或在文件中重复 / already registered, or twice in the file");
                }
            }
            case ENTITY -> {
                if (!entities.contains(value)) {
                    throw new IllegalArgumentException("主体未登记 / no such entity in the registry");
                }
            }
            case PERSON -> {
                if (!persons.contains(value)) {
                    throw new IllegalArgumentException("注册人员未登记 / no registered person holds this certificate");
                }
            }
            case NONE, NEW_PERSON -> {
                // a person's key is its number and employer: PersonKeys, once the row is read
            }
        }
    }

    /** A value of a column's type, null when empty; IllegalArgumentException with the reason otherwise. */
    static Object parse(Column column, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        switch (column.type()) {
            case CODE:
                if (!CreditCodes.isValid(v)) {
                    throw new IllegalArgumentException("统一社会信用代码无效 / invalid unified social credit code "
                            + "(GB 32100-2015)");
                }
                return v;
            case DATE:
                try {
                    LocalDate date = LocalDate.parse(v);
                    if (date.getYear() < 1900 || date.getYear() > 2100) {
                        throw new IllegalArgumentException("日期须在 1900 至 2100 年间 / a date from 1900 to 2100");
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("日期格式应为 yyyy-MM-dd / a date as yyyy-MM-dd");
                }
            case AMOUNT:
                try {
                    BigDecimal amount = new BigDecimal(v);
                    if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
                        throw new IllegalArgumentException("金额须非负、至多两位小数 / an amount of yuan, not negative, "
                                + "at most two decimals");
                    }
                    return amount;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("不是金额 / not an amount (digits, a point, two decimals)");
                }
            case BOOLEAN:
                if (v.equals("true") || v.equals("false")) {
                    return Boolean.valueOf(v);
                }
                throw new IllegalArgumentException("应为 true 或 false / true or false");
            default:
                if (v.length() > column.max()) {
                    throw new IllegalArgumentException("超过 " + column.max() + " 个字符 / longer than " + column.max()
                            + " characters");
                }
                return v;
        }
    }

    private static boolean needs(ImportKind kind, Column.Ref... refs) {
        return kind.columns.stream().anyMatch(c -> List.of(refs).contains(c.ref()));
    }

    private static int index(ImportKind kind, String name) {
        return kind.headers().indexOf(name);
    }

    private static boolean blank(String[] record) {
        return record.length == 1 && record[0] == null;
    }

    private static CsvRows open(Path file, MessageDigest digest) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (digest != null) {
            in = new DigestInputStream(in, digest);
        }
        return new CsvRows(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
