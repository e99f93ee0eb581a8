package io.huitong;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huitong.support.Standalone;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the demo profile nobody creates users: without a configured administrator Huitong does not start. */
class AdministratorRequiredTest {

    @Test
    void refuses_to_start_without_an_administrator() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HuitongApplication.class)
                .profiles("test")
                .run(Standalone.args()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No administrator")
                .hasMessageContaining("camunda.bpm.admin-user.password");
    }
}
