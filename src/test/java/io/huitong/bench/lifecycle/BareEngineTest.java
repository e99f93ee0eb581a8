package io.huitong.bench.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's bare engine still runs the models in ./processes from registration to archive: a designer's
 * change to a model that the no-op beans do not follow fails here, not only in the benchmark.
 */
class BareEngineTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void runs_a_lifecycle_of_the_current_models_to_its_end(@TempDir Path dir) throws Exception {
        try (BareEngine bare = new BareEngine(dir, Path.of("processes"));
                Lockstep steps = new Lockstep(bare.engine, 2)) {
            List<String> tenders = bare.run(steps, 2, List.of("registration-clerk", "centre-director"));
            assertThat(tenders).hasSize(2).allSatisfy(id -> assertThat(bare.ended(id)).as(id).isTrue());
            assertThat(bare.engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .processInstanceBusinessKey(tenders.get(0)).count())
                    .as("route of two, committee, review, five scores, five signatures, award, contract, refunds, "
                            + "report").isEqualTo(18);
        }
    }
}
