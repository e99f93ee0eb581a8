package io.huitong;

import static io.huitong.support.RegistrationJson.works;
import static io.huitong.support.RegistrationJson.xinyangGoods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.HuitongProperties;
import io.huitong.shared.workflow.ProcessDeployer;
import io.huitong.support.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The folders users edit, on a running Huitong: rule authors reload {@code rules/}, process designers redeploy
 * {@code processes/}. A file that does not compile is refused with its file and line, and what runs stays.
 */
class EditableFoldersTest extends ApiTest {

    static final Path RULES = copy(Path.of("rules"));
    static final Path PROCESSES = copy(Path.of("processes"));

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("huitong.rules-dir", RULES::toString);
        registry.add("huitong.processes-dir", PROCESSES::toString);
    }

    @Autowired
    RuleSetRegistry ruleSets;

    @Autowired
    RepositoryService repository;

    static Path copy(Path source) {
        try {
            Path target = Files.createTempDirectory("huitong-" + source.getFileName());
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path to = target.resolve(source.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String activeVersion() {
        return json(get("ruleauthor", "/api/rules")).get("activeVersion").asText();
    }

    ResponseEntity<String> reload() {
        return post("ruleauthor", "/api/rules/reload", "");
    }

    @Test
    void reloading_unchanged_rules_changes_nothing() {
        JsonNode reload = json(reload());
        assertThat(reload.get("changed").asBoolean()).isFalse();
        assertThat(reload.get("version").asText()).isEqualTo(activeVersion());
    }

    @Test
    void a_broken_rule_file_is_refused_with_its_line_and_the_running_version_stays() throws IOException {
        String before = activeVersion();
        Path broken = RULES.resolve("registration/zz-broken.drl");
        Files.writeString(broken, """
                package io.huitong.rules.registration;
                import io.huitong.tender.registration.RegistrationFacts;

                rule "broken on purpose"
                    @citation("TBR 26") @tag("S")
                when
                    RegistrationFacts( estimatedAmount >= )
                then
                end
                """);
        try {
            ResponseEntity<String> response = reload();
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode problem = json(response).get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("registration/zz-broken.drl");
            assertThat(problem.get("line").asInt()).isEqualTo(7);
            assertThat(problem.get("column").asInt()).isPositive();

            assertThat(activeVersion()).isEqualTo(before);
            JsonNode registered = json(post("purchaser", "/api/tenders", works().toString()));
            assertThat(registered.get("ruleSetVersion").asText()).isEqualTo(before);
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void a_changed_parameter_is_a_new_version_and_registered_tenders_keep_theirs() throws IOException {
        String before = activeVersion();
        JsonNode tender = json(post("purchaser", "/api/tenders", works().toString()));
        String goods = xinyangGoods().with("regionCode", "410100")
                .with("estimatedAmount", new BigDecimal("2500000.00")).toString();
        assertThat(json(post("ruleauthor", "/api/rules/registration/evaluate", goods))
                .get("decisions").get("mustTender").asBoolean()).isTrue();

        Path parameters = RULES.resolve("policy/parameters.yaml");
        String original = Files.readString(parameters);
        Files.writeString(parameters, original.replace("value: 2000000\n", "value: 3000000\n"));
        try {
            JsonNode reload = json(reload());
            assertThat(reload.get("changed").asBoolean()).isTrue();
            String after = reload.get("version").asText();
            assertThat(after).isNotEqualTo(before);
            assertThat(activeVersion()).isEqualTo(after);

            JsonNode decided = json(post("ruleauthor", "/api/rules/registration/evaluate", goods));
            assertThat(decided.get("ruleSetVersion").asText()).isEqualTo(after);
            assertThat(decided.get("decisions").get("mustTender").asBoolean()).isFalse();

            JsonNode pinned = json(get("clerk", "/api/tenders/" + tender.get("id").asText()));
            assertThat(pinned.get("ruleSetVersion").asText()).isEqualTo(before);
            assertThat(ruleSets.version(before).version()).isEqualTo(before);
            JsonNode stored = json(get("ruleauthor", "/api/rules/versions/" + before));
            assertThat(stored.get("files").findValuesAsText("path")).contains("policy/parameters.yaml");
        } finally {
            Files.writeString(parameters, original);
            reload();
        }
        assertThat(activeVersion()).isEqualTo(before);
    }

    static final String TIE_BREAK_RULE =
            "G1117 a Tendering-Law tender states how candidates with equal scores are decided, never by lot";

    /** The refusal messages the sandbox answers for a Tendering-Law tender that states no tie-break method. */
    String tieBreakRefusal() {
        JsonNode decided = json(post("ruleauthor", "/api/rules/registration/evaluate",
                works().without("tieBreak").toString()));
        for (JsonNode violation : decided.get("violations")) {
            if (violation.get("rule").asText().equals(TIE_BREAK_RULE)) {
                return violation.get("message").asText();
            }
        }
        throw new AssertionError("no refusal by " + TIE_BREAK_RULE + " in " + decided);
    }

    @Test
    void a_message_naming_a_value_its_rule_does_not_pass_is_refused_with_file_line_and_rule() throws IOException {
        String before = activeVersion();
        Path messages = RULES.resolve("registration/messages.yaml");
        String original = Files.readString(messages);
        Files.writeString(messages, original.replace("ordered: never by lot\"", "ordered ({method}): never by lot\""));
        try {
            ResponseEntity<String> response = reload();
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode problem = json(response).get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("registration/messages.yaml");
            assertThat(problem.get("line").asInt()).isPositive();
            assertThat(problem.get("message").asText()).contains(TIE_BREAK_RULE).contains("{method}");
            assertThat(activeVersion()).isEqualTo(before);
        } finally {
            Files.writeString(messages, original);
        }
    }

    @Test
    void a_changed_message_is_a_new_version_whose_words_the_sandbox_answers() throws IOException {
        String before = activeVersion();
        assertThat(tieBreakRefusal()).endsWith(" / A Tendering-Law tender's documents state how candidates with equal"
                + " scores are ordered: never by lot");
        Path messages = RULES.resolve("registration/messages.yaml");
        String original = Files.readString(messages);
        Files.writeString(messages, original.replace("ordered: never by lot\"", "ordered, and never by lot\""));
        try {
            JsonNode reload = json(reload());
            assertThat(reload.get("changed").asBoolean()).isTrue();
            assertThat(reload.get("version").asText()).isNotEqualTo(before);
            assertThat(tieBreakRefusal()).endsWith("scores are ordered, and never by lot");
        } finally {
            Files.writeString(messages, original);
            reload();
        }
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void a_notice_the_platform_asks_for_missing_from_its_file_is_refused_with_file_and_key() throws IOException {
        String before = activeVersion();
        Path notices = RULES.resolve("registration/notices.yaml");
        String original = Files.readString(notices);
        Files.writeString(notices, original.replace("required-for-service-kind:", "required-for-a-kind-of-service:"));
        try {
            ResponseEntity<String> response = reload();
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(response).get("problems")).anySatisfy(problem -> {
                assertThat(problem.get("file").asText()).isEqualTo("registration/notices.yaml");
                assertThat(problem.get("message").asText()).contains("\"required-for-service-kind\"");
            }).anySatisfy(problem -> assertThat(problem.get("message").asText())
                    .as("the notice nobody asks for").contains("\"required-for-a-kind-of-service\""));
            assertThat(activeVersion()).isEqualTo(before);
        } finally {
            Files.writeString(notices, original);
        }
    }

    /** The platform's own words and articles are the rules': a reload changes them, as a refusal shows. */
    @Test
    void a_changed_notice_is_a_new_version_whose_words_and_article_the_platform_speaks() throws IOException {
        String before = activeVersion();
        assertThat(mustTenderRefusal().get("citation").asText()).isEqualTo("MT16 2");
        Path notices = RULES.resolve("registration/notices.yaml");
        String original = Files.readString(notices);
        Files.writeString(notices, original.replace("citation: \"MT16 2\"", "citation: \"MT16 2, 3\"")
                .replace("to decide must-tender\"", "to decide whether it must be tendered\""));
        try {
            JsonNode reload = json(reload());
            assertThat(reload.get("changed").asBoolean()).isTrue();
            JsonNode refusal = mustTenderRefusal();
            assertThat(refusal.get("citation").asText()).isEqualTo("MT16 2, 3");
            assertThat(refusal.get("message").asText()).endsWith("to decide whether it must be tendered");
        } finally {
            Files.writeString(notices, original);
            reload();
        }
        assertThat(activeVersion()).isEqualTo(before);
    }

    /** A Tendering-Law registration without whether the project is state-controlled: refused (registration notice). */
    private JsonNode mustTenderRefusal() {
        ResponseEntity<String> refused = post("purchaser", "/api/tenders", works().without("stateControlled").toString());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        for (JsonNode violation : json(refused).get("violations")) {
            if (violation.get("field").asText().equals("stateControlled")) {
                return violation;
            }
        }
        throw new AssertionError("no refusal of stateControlled in " + refused.getBody());
    }

    ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("tender-registration")
                .latestVersion().singleResult();
    }

    @Test
    void redeploying_unchanged_models_makes_no_new_version() {
        int version = latest().getVersion();
        JsonNode result = json(post("designer", "/api/processes/redeploy", ""));
        assertThat(result.get("deployed")).isEmpty();
        assertThat(result.get("unchanged").toString()).contains("tender-registration.bpmn");
        assertThat(latest().getVersion()).isEqualTo(version);
    }

    @Test
    void the_same_models_from_another_folder_make_no_new_version() {
        int version = latest().getVersion();
        var elsewhere = new ProcessDeployer(repository, new HuitongProperties(null, copy(PROCESSES), null, null));
        assertThat(elsewhere.deploy().deployed()).isEmpty();
        assertThat(latest().getVersion()).isEqualTo(version);
    }

    @Test
    void a_broken_model_is_refused_with_its_line_and_nothing_is_deployed() throws IOException {
        ProcessDefinition running = latest();
        Path model = PROCESSES.resolve("tender-registration.bpmn");
        String original = Files.readString(model);
        Files.writeString(model, original
                .replace("name=\"项目已登记\"", "name=\"项目已登记（改）\"")
                .replace("targetRef=\"markApproved\">", "targetRef=\"noSuchTask\">"));
        try {
            ResponseEntity<String> response = post("designer", "/api/processes/redeploy", "");
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode problem = json(response).get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("tender-registration.bpmn");
            assertThat(problem.get("line").asInt()).isPositive();
            assertThat(latest().getId()).isEqualTo(running.getId());
        } finally {
            Files.writeString(model, original);
        }
    }

    @Test
    void a_changed_model_gets_a_new_version() throws IOException {
        int version = latest().getVersion();
        Path model = PROCESSES.resolve("tender-registration.bpmn");
        String original = Files.readString(model);
        Files.writeString(model, original.replace("name=\"已批准\"", "name=\"登记已批准\""));
        try {
            JsonNode result = json(post("designer", "/api/processes/redeploy", ""));
            assertThat(result.get("deployed").get(0).asText()).startsWith("tender-registration.bpmn");
            assertThat(latest().getVersion()).isEqualTo(version + 1);
        } finally {
            Files.writeString(model, original);
            post("designer", "/api/processes/redeploy", "");
        }
    }
}
