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
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A law taking effect on a date, loaded early: a rule author reloads a rule with {@code @effectiveFrom} (or a
 * parameter with a dated value) before the date, and it applies to the registrations of that day and after, not to
 * those before, by the clock's date of registration; a bid rule applies by the tender's bid deadline, whenever the
 * tender was registered. Runs on {@link EditableFoldersTest}'s copies of the folders
 * (the same application context), restoring what it changes.
 */
class EffectiveDatesApiTest extends LifecycleTest {

    private static final Path RULES = EditableFoldersTest.RULES;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("huitong.rules-dir", RULES::toString);
        registry.add("huitong.processes-dir", EditableFoldersTest.PROCESSES::toString);
    }

    static final String RULE = "ZZ-1 a law taking effect on 28 November 2026";

    /** The day after the tests' registration date (ApiTest.NOW, 2026-11-27). */
    static final String DRL = """
            package io.huitong.rules.registration;

            import io.huitong.rules.Refusal;
            import io.huitong.tender.registration.RegistrationFacts;

            import function io.huitong.rules.RuleLanguage.message;

            rule "%s"
                @citation("TBL 1") @tag("I") @effectiveFrom("%s")
            when
                $r : RegistrationFacts( )
            then
                insert( Refusal.of(kcontext, "estimatedAmount", $r.estimatedAmount(), null, message()) );
            end
            """;

    static final String MESSAGE = """

            "%s":
              zh: "自2026年11月28日起施行的新规定"
              en: "A law in force from 28 November 2026"
            """.formatted(RULE);

    ResponseEntity<String> reload() {
        return post("ruleauthor", "/api/rules/reload", "");
    }

    ResponseEntity<String> registerOn(int day) {
        clockAt(NOW.withDayOfMonth(day));
        return post("purchaser", "/api/tenders", works().toString());
    }

    @Test
    void a_rule_loaded_early_applies_from_its_date_of_registration_on() throws IOException {
        Path drl = RULES.resolve("registration/zz-effective.drl");
        Path messages = RULES.resolve("registration/messages.yaml");
        String original = Files.readString(messages);
        Files.writeString(drl, DRL.formatted(RULE, "2026-11-28"));
        Files.writeString(messages, original + MESSAGE);
        try {
            JsonNode reload = json(reload());
            assertThat(reload.get("changed").asBoolean()).as(reload.toString()).isTrue();
            String version = reload.get("version").asText();

            ResponseEntity<String> dayBefore = registerOn(27);
            assertThat(dayBefore.getStatusCode()).as(dayBefore.getBody()).isEqualTo(HttpStatus.CREATED);
            JsonNode tender = json(dayBefore);
            assertThat(tender.get("ruleSetVersion").asText()).isEqualTo(version);

            for (int day : new int[] {28, 29}) {
                ResponseEntity<String> refused = registerOn(day);
                assertThat(refused.getStatusCode()).as("registered on 11-" + day + ": " + refused.getBody())
                        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                assertThat(json(refused).get("violations").findValuesAsText("rule")).contains(RULE);
            }
            // the tender registered the day before keeps what it was decided under: the rule did not fire for it
            JsonNode kept = json(get("clerk", "/api/tenders/" + tender.get("id").asText()));
            assertThat(kept.get("ruleSetVersion").asText()).isEqualTo(version);
            assertThat(kept.toString()).doesNotContain(RULE);
        } finally {
            Files.delete(drl);
            Files.writeString(messages, original);
            reload();
        }
    }

    static final String BID_RULE = "ZZ-2 a bidding law taking effect on 22 December 2026";

    static final String BID_DRL = """
            package io.huitong.rules.bidding;

            import io.huitong.bidding.BidFacts;
            import io.huitong.rules.Refusal;

            import function io.huitong.rules.RuleLanguage.message;

            rule "%s"
                @citation("TBL 1") @tag("I") @effectiveFrom("2026-12-22")
            when
                $b : BidFacts( )
            then
                insert( Refusal.of(kcontext, "bidderId", $b.bidderId(), null, message()) );
            end
            """.formatted(BID_RULE);

    static final String BID_MESSAGE = """

            "%s":
              zh: "自2026年12月22日起施行的投标新规定"
              en: "A bidding law in force from 22 December 2026"
            """.formatted(BID_RULE);

    /** A works tender registered today (2026-11-27), bids due on that day of December, 20 days after the documents. */
    String tenderWithDeadlineOn(int day) {
        return registerAndApprove(RegistrationJson.works()
                .with("documentIssueDate", java.time.LocalDate.of(2026, 12, day).minusDays(20).toString())
                .with("bidDeadline", "2026-12-" + day + "T09:30:00+08:00"));
    }

    @Test
    void a_bid_rule_loaded_early_applies_to_tenders_whose_bid_deadline_is_on_or_after_its_date() throws IOException {
        Path drl = RULES.resolve("bidding/zz-effective.drl");
        Path messages = RULES.resolve("bidding/messages.yaml");
        String original = Files.readString(messages);
        Files.writeString(drl, BID_DRL);
        Files.writeString(messages, original + BID_MESSAGE);
        try {
            JsonNode reload = json(reload());
            assertThat(reload.get("changed").asBoolean()).as(reload.toString()).isTrue();
            clockAt(NOW);
            // all registered before the rule takes effect, under the version that carries it
            // deadlines on Monday 21, Tuesday 22 and Wednesday 23 December
            String dayBefore = tenderWithDeadlineOn(21);
            String onTheDay = tenderWithDeadlineOn(22);
            String dayAfter = tenderWithDeadlineOn(23);
            // the documents go out on their days (a day late would move the deadline)
            at("2026-12-01T08:00:00");
            at("2026-12-02T08:00:00");
            at("2026-12-03T08:00:00");
            assertThat(tender(dayBefore).get("bidDeadline").asText()).isEqualTo("2026-12-21T09:30:00+08:00");

            ResponseEntity<String> before = bid(dayBefore, 1, "4800000.00", null, "LARGE");
            assertThat(before.getStatusCode()).as(before.getBody()).isEqualTo(HttpStatus.CREATED);
            for (String id : new String[] {onTheDay, dayAfter}) {
                ResponseEntity<String> refused = bid(id, 1, "4800000.00", null, "LARGE");
                assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                assertThat(json(refused).get("violations").findValuesAsText("rule")).contains(BID_RULE);
            }
        } finally {
            Files.delete(drl);
            Files.writeString(messages, original);
            reload();
        }
    }

    @Test
    void a_dated_parameter_value_applies_from_its_date() throws IOException {
        Path parameters = RULES.resolve("policy/parameters.yaml");
        String original = Files.readString(parameters);
        Files.writeString(parameters, original.replace("    value: 2000000\n", """
                    value: 2000000
                    values:
                      - value: 3000000
                        effectiveFrom: 2026-11-28
                """));
        String goods = xinyangGoods().with("regionCode", "410100")
                .with("estimatedAmount", new BigDecimal("2500000.00")).toString();
        try {
            assertThat(json(reload()).get("changed").asBoolean()).isTrue();
            clockAt(NOW);
            assertThat(json(post("ruleauthor", "/api/rules/registration/evaluate", goods))
                    .get("decisions").get("mustTender").asBoolean()).as("under 2,000,000 the day before").isTrue();
            clockAt(NOW.plusDays(1));
            assertThat(json(post("ruleauthor", "/api/rules/registration/evaluate", goods))
                    .get("decisions").get("mustTender").asBoolean()).as("under 3,000,000 from 11-28").isFalse();
        } finally {
            Files.writeString(parameters, original);
            reload();
        }
    }

    @Test
    void a_malformed_date_is_refused_with_its_file_line_and_rule_and_the_running_version_stays() throws IOException {
        String before = json(get("ruleauthor", "/api/rules")).get("activeVersion").asText();
        Path drl = RULES.resolve("registration/zz-effective.drl");
        Path messages = RULES.resolve("registration/messages.yaml");
        String original = Files.readString(messages);
        Files.writeString(drl, DRL.formatted(RULE, "2026-11-31"));
        Files.writeString(messages, original + MESSAGE);
        try {
            ResponseEntity<String> response = reload();
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode problem = json(response).get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("registration/zz-effective.drl");
            assertThat(problem.get("line").asInt()).isEqualTo(8);
            assertThat(problem.get("message").asText()).contains(RULE, "yyyy-MM-dd", "2026-11-31");
            assertThat(json(get("ruleauthor", "/api/rules")).get("activeVersion").asText()).isEqualTo(before);
        } finally {
            Files.delete(drl);
            Files.writeString(messages, original);
            reload();
        }
    }
}
