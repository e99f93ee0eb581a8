package io.huitong.shared.operations;

import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after Flyway: on PostgreSQL its schema comes from a migration and the engine does not
 * create it ({@code schema-update=false}), so the order must not be left to chance.
 */
public class EngineAfterMigrations implements DependsOnDatabaseInitializationDetector {

    static final String ENGINE = "processEngineFactoryBean";

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return beanFactory.containsBeanDefinition(ENGINE) ? Set.of(ENGINE) : Set.of();
    }
}
