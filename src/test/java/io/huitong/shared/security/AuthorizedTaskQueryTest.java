package io.huitong.shared.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** {@link AuthorizedTaskQueryContract} on H2, Huitong's database by default: the grants asked as one filter. */
class AuthorizedTaskQueryTest extends AuthorizedTaskQueryContract {

    @Override
    boolean grantsByIndex() {
        return false;
    }

    @Override
    void database(ProcessEngineConfigurationImpl configuration) {
        configuration.setJdbcUrl("jdbc:h2:mem:authorized-task-query;DB_CLOSE_DELAY=-1");
    }
}
