package io.huitong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.huitong.rules.RuleSetRejectedException;
import io.huitong.shared.workflow.ModelRejectedException;
import io.huitong.support.Standalone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A rule file or model that does not compile stops the start, naming the file, line and column. */
class StartupRefusalTest {

    private static Throwable start(Path rules, Path processes) {
        return catchThrowable(() -> new SpringApplicationBuilder(HuitongApplication.class)
                .profiles("test", "demo")
                .run(Standalone.args("--huitong.rules-dir=" + rules, "--huitong.processes-dir=" + processes))
                .close());
    }

    private static <T extends Throwable> T cause(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in", thrown);
    }

    @Test
    void a_rule_file_that_does_not_compile_stops_the_start() throws IOException {
        Path rules = EditableFoldersTest.copy(Path.of("rules"));
        Files.writeString(rules.resolve("registration/must-tender.drl"), "package x;\nrule \"r\" when\n  (\nthen end\n");
        var refused = cause(start(rules, Path.of("processes")), RuleSetRejectedException.class);
        assertThat(refused.problems().get(0).file()).isEqualTo("registration/must-tender.drl");
        assertThat(refused.problems().get(0).line()).isPositive();
        assertThat(refused.getMessage()).contains("registration/must-tender.drl:");
    }

    @Test
    void a_model_that_does_not_parse_stops_the_start() throws IOException {
        Path processes = EditableFoldersTest.copy(Path.of("processes"));
        Path model = processes.resolve("tender-registration.bpmn");
        Files.writeString(model, Files.readString(model).replace("targetRef=\"decision\" />", "targetRef=\"nowhere\" />"));
        var refused = cause(start(Path.of("rules"), processes), ModelRejectedException.class);
        assertThat(refused.problems().get(0).file()).isEqualTo("tender-registration.bpmn");
        assertThat(refused.problems().get(0).line()).isPositive();
    }
}
