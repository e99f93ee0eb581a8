package db.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The engine's schema on PostgreSQL, from Camunda's own scripts in the engine jar (7.24.0), in the order the engine
 * creates them: run once by Flyway before the domain's migrations, so that the engine never changes the schema
 * itself ({@code camunda.bpm.database.schema-update=false}, profile {@code postgres}). An engine upgrade adds a
 * migration running Camunda's upgrade script (db/upgrade/postgres_engine_7.24_to_….sql).
 */
public class V0_1__Camunda_engine_7_24 extends BaseJavaMigration {

    static final String[] SCRIPTS = {"engine", "history", "identity", "case.engine", "case.history",
        "decision.engine", "decision.history"};

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String part : SCRIPTS) {
                String path = "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql";
                for (String sql : statements(read(path))) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static String read(String path) throws IOException {
        try (InputStream in = V0_1__Camunda_engine_7_24.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Camunda's script " + path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Camunda's scripts: statements end with ';', comments start with '--'. */
    static java.util.List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String sql : clean.toString().split(";")) {
            if (!sql.isBlank()) {
                out.add(sql.strip());
            }
        }
        return out;
    }
}
