package io.huitong;

import static io.huitong.support.RegistrationJson.works;
import static io.huitong.support.RegistrationJson.xinyangGoods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import io.huitong.support.RegistrationJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rule author changes a period's length in one cell of a decision table, reloads, and the sandbox and the
 * lifecycle of tenders registered from then on count the new length once their documents are issued; a tender
 * registered before keeps its version and its length. A table that no longer compiles is refused at its row and the running version stays.
 */
class DecisionTableReloadTest extends LifecycleTest {

    static final Path RULES = EditableFoldersTest.copy(Path.of("rules"));

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("huitong.rules-dir", RULES::toString);
    }

    String activeVersion() {
        return json(get("ruleauthor", "/api/rules")).get("activeVersion").asText();
    }

    JsonNode reload() {
        ResponseEntity<String> reload = post("ruleauthor", "/api/rules/reload", "");
        assertThat(reload.getStatusCode()).as(reload.getBody()).isEqualTo(HttpStatus.OK);
        return json(reload);
    }

    /** The period of that name the sandbox decides for a registration. */
    JsonNode sandboxPeriod(RegistrationJson registration, String name) {
        ResponseEntity<String> decided = post("ruleauthor", "/api/rules/registration/evaluate",
                registration.toString());
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.OK);
        for (JsonNode p : json(decided).get("decisions").get("periods")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no period " + name + " in " + decided.getBody());
    }

    /** Replaces one cell, {@code from} → {@code to}, in the row of the rule of that name. */
    static void changeCell(String table, String rule, String from, String to) throws IOException {
        Path file = RULES.resolve(table);
        String content = Files.readString(file);
        int start = content.indexOf("\n" + rule + ",") + 1;
        assertThat(start).as("row of " + rule).isPositive();
        int end = content.indexOf('\n', start);
        String row = content.substring(start, end);
        assertThat(row).contains(from);
        Files.writeString(file, content.substring(0, start) + row.replace(from, to) + content.substring(end));
    }

    @Test
    void a_length_changed_in_one_cell_is_in_force_after_a_reload_in_the_sandbox_and_the_lifecycle() throws IOException {
        RegistrationJson goods = xinyangGoods().with("estimatedAmount", new BigDecimal("2500000.00"));
        String before = activeVersion();
        String earlierGoods = registerAndApprove(goods);
        String earlierWorks = registerAndApprove(works());
        assertThat(sandboxPeriod(works(), "documentPeriod").get("length").asInt()).isEqualTo(5);

        String lifecycle = Files.readString(RULES.resolve("lifecycle/periods.csv"));
        String registration = Files.readString(RULES.resolve("registration/periods.csv"));
        changeCell("lifecycle/periods.csv", "O87-16 the announcement runs 5 working days", ",5,WORKING_DAYS",
                ",6,WORKING_DAYS");
        changeCell("registration/periods.csv", "TBR-16 tender documents on sale for at least 5 days",
                ",5,CALENDAR_DAYS,true", ",7,CALENDAR_DAYS,true");
        try {
            JsonNode reload = reload();
            assertThat(reload.get("changed").asBoolean()).isTrue();
            String after = reload.get("version").asText();
            assertThat(after).isNotEqualTo(before).isEqualTo(activeVersion());

            JsonNode sandbox = sandboxPeriod(works(), "documentPeriod");
            assertThat(sandbox.get("length").asInt()).isEqualTo(7);
            assertThat(sandbox.get("rule").asText()).isEqualTo("TBR-16 tender documents on sale for at least 5 days");

            String laterGoods = registerAndApprove(goods);
            String laterWorks = registerAndApprove(works());
            at("2026-12-01T08:00:00");
            assertThat(tender(laterGoods).get("ruleSetVersion").asText()).isEqualTo(after);
            JsonNode announcement = deadline(laterGoods, "announcement");
            assertThat(announcement.get("length").asInt()).isEqualTo(6);
            assertThat(LocalDate.parse(announcement.get("lastDay").asText()))
                    .as("one working day more than under the version before")
                    .isAfter(LocalDate.parse(deadline(earlierGoods, "announcement").get("lastDay").asText()));
            JsonNode documents = deadline(laterWorks, "documentPeriod");
            assertThat(documents.get("length").asInt()).isEqualTo(7);
            assertThat(LocalDate.parse(documents.get("lastDay").asText()))
                    .isEqualTo(LocalDate.parse(sandbox.get("earliest").asText()));

            assertThat(tender(earlierGoods).get("ruleSetVersion").asText()).as("registered before: kept").isEqualTo(
                    before);
            assertThat(deadline(earlierGoods, "announcement").get("length").asInt()).isEqualTo(5);
            assertThat(deadline(earlierWorks, "documentPeriod").get("length").asInt()).isEqualTo(5);
        } finally {
            Files.writeString(RULES.resolve("lifecycle/periods.csv"), lifecycle);
            Files.writeString(RULES.resolve("registration/periods.csv"), registration);
            reload();
        }
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void a_table_cell_that_does_not_compile_is_refused_at_its_row_and_the_running_version_stays() throws IOException {
        String before = activeVersion();
        String lifecycle = Files.readString(RULES.resolve("lifecycle/periods.csv"));
        changeCell("lifecycle/periods.csv", "TBL-46 the contract within 30 days of the award notice",
                ",30,CALENDAR_DAYS", ",30,CALENDAR_WEEKS");
        try {
            ResponseEntity<String> response = post("ruleauthor", "/api/rules/reload", "");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode problem = json(response).get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("lifecycle/periods.csv");
            String[] lines = Files.readString(RULES.resolve("lifecycle/periods.csv")).split("\n");
            int row = 0;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("TBL-46 ")) {
                    row = i + 1;
                }
            }
            assertThat(problem.get("line").asInt()).isEqualTo(row);
            assertThat(activeVersion()).isEqualTo(before);
        } finally {
            Files.writeString(RULES.resolve("lifecycle/periods.csv"), lifecycle);
        }
    }
}
