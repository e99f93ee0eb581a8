package io.huitong.shared.security;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * {@link AuthorizedTaskQueryContract} on a real PostgreSQL, where the grants are asked as a union of index lookups
 * (the fragment grantedByIndex), compared with the engine's own query on the same database.
 */
class AuthorizedTaskQueryPostgresIT extends AuthorizedTaskQueryContract {

    private EmbeddedPostgres postgres;

    @Override
    boolean grantsByIndex() {
        return true;
    }

    @Override
    void database(ProcessEngineConfigurationImpl configuration) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("postgres");
    }

    @Override
    void closed() throws IOException {
        postgres.close();
    }
}
