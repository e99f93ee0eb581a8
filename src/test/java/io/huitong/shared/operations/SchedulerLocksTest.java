package io.huitong.shared.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two nodes on one database: while one holds a sweep's lock, the other does not run it; then it may. */
class SchedulerLocksTest extends ApiTest {

    @Autowired
    LockProvider thisNode;

    @Autowired
    DataSource database;

    @Test
    void a_sweep_held_by_one_node_is_not_run_by_another_until_released() {
        LockProvider otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(database)).usingDbTime().build());
        String sweep = "test-sweep-" + java.util.UUID.randomUUID();
        LockConfiguration config = new LockConfiguration(Instant.now(), sweep, Duration.ofMinutes(5), Duration.ZERO);

        Optional<SimpleLock> held = thisNode.lock(config);
        assertThat(held).as("the first node takes the sweep").isPresent();
        assertThat(otherNode.lock(config)).as("the other node does not run it meanwhile").isEmpty();
        held.get().unlock();
        Optional<SimpleLock> next = otherNode.lock(config);
        assertThat(next).as("released, the next run may be anyone's").isPresent();
        next.get().unlock();
    }
}
