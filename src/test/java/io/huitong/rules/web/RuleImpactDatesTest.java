package io.huitong.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.FiredRule;
import io.huitong.support.LifecycleTest;
import io.huitong.support.RegistrationJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The impact of a change decides each past decision as of the date it was taken for (issue 16): a bid, opening,
 * committee or evaluation decision as of its tender's bid deadline, as the live decision was. Two works tenders whose
 * bids are due on 21 and 23 December are evaluated; a candidate whose price weight and committee rule take effect on
 * 22 December changes the later tender's decisions only. Where a record keeps its answer, that is what the candidate
 * is compared with; an expert draw is left out, with the reason.
 */
class RuleImpactDatesTest extends LifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String COMMITTEE_RULE = "ZZ-3 a committee law taking effect on 22 December 2026";

    static final String COMMITTEE_DRL = """
            package io.huitong.rules.evaluation;

            import io.huitong.evaluation.CommitteeFacts;
            import io.huitong.rules.Refusal;

            import function io.huitong.rules.RuleLanguage.message;

            rule "%s"
                @citation("TBL 37") @tag("I") @effectiveFrom("2026-12-22")
            when
                $c : CommitteeFacts( )
            then
                insert( Refusal.of(kcontext, "members", $c.size(), null, message()) );
            end
            """.formatted(COMMITTEE_RULE);

    static final String COMMITTEE_MESSAGE = """

            "%s":
              zh: "自2026年12月22日起施行的评标委员会新规定"
              en: "A committee law in force from 22 December 2026"
            """.formatted(COMMITTEE_RULE);

    static final String WEIGHT = "  evaluation.price-weight.tendering-law:\n    value: 0.40\n";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DecisionRecords records;

    /** A works tender registered on 27 November, bids due on that day of December, 20 days after the documents. */
    String tenderWithDeadlineOn(int day) {
        return registerAndApprove(RegistrationJson.works()
                .with("documentIssueDate", java.time.LocalDate.of(2026, 12, day).minusDays(20).toString())
                .with("bidDeadline", "2026-12-" + day + "T09:30:00+08:00"));
    }

    /** Opened at its deadline: committee, review, every member scores: the evaluation is decided. */
    void evaluate(String id, String deadline) {
        at(deadline);
        committee(id);
        // bids filed at the same minute are flagged for the committee's judgment: it dismisses them
        for (JsonNode flag : json(get("clerk", "/api/tenders/" + id + "/collusion-flags"))) {
            ResponseEntity<String> decided = post("expert1", "/api/tenders/" + id + "/collusion-flags/"
                    + flag.get("id").asText() + "/decision", "{\"confirmed\":false,\"reason\":\"无串通证据\"}");
            assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.OK);
        }
        assertThat(review(id)).isEqualTo(3);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 45, "投标人3", 40));
        assertThat(decisionKinds(id)).contains("BID_OPENING", "COMMITTEE", "EVALUATION");
    }

    @Test
    void a_candidate_in_force_between_two_bid_deadlines_changes_only_the_later_tenders_decisions() {
        String earlier = tenderWithDeadlineOn(21);
        String later = tenderWithDeadlineOn(23);
        at("2026-12-01T08:00:00");
        at("2026-12-02T08:00:00");
        at("2026-12-03T08:00:00");
        at("2026-12-04T10:00:00");
        for (String id : List.of(earlier, later)) {
            bidAccepted(id, 1, "4700000.00", null, "LARGE");
            bidAccepted(id, 2, "4800000.00", null, "LARGE");
            bidAccepted(id, 3, "4900000.00", null, "LARGE");
        }
        evaluate(earlier, "2026-12-21T09:30:01");
        evaluate(later, "2026-12-23T09:30:01");
        at("2026-12-24T10:00:00");

        // the price weight 0.40 until 21 December, 0.50 from the 22nd; a committee rule in force from the 22nd
        String candidate = candidate(Map.of(
                "policy/parameters.yaml", yaml -> {
                    assertThat(yaml).as("the weight as the test expects it written").contains(WEIGHT);
                    return yaml.replace(WEIGHT, WEIGHT + "    values:\n      - value: 0.50\n"
                            + "        effectiveFrom: 2026-12-22\n");
                },
                "evaluation/messages.yaml", messages -> messages + COMMITTEE_MESSAGE),
                Map.of("evaluation/zz-effective.drl", COMMITTEE_DRL));
        ResponseEntity<String> response = post("demo", "/api/rules/impact", request(candidate,
                "EVALUATION", "COMMITTEE", "BID_OPENING", "BID_SUBMISSION"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = json(response);
        assertThat(report.get("failed")).as(report.toString()).isEmpty();
        // the other test's decisions (the context is shared) may be in the period too
        assertThat(count(report, "EVALUATION", "evaluated")).isGreaterThanOrEqualTo(2);
        assertThat(count(report, "COMMITTEE", "evaluated")).isGreaterThanOrEqualTo(2);
        assertThat(count(report, "BID_OPENING", "evaluated")).isGreaterThanOrEqualTo(2);

        JsonNode pricing = changeOf(report, later, "EVALUATION");
        assertThat(pricing).as("the later tender's price weight: " + report).isNotNull();
        assertThat(pricing.get("before").get("priceWeights").get(0).get("weight").decimalValue())
                .isEqualByComparingTo("0.40");
        assertThat(pricing.get("after").get("priceWeights").get(0).get("weight").decimalValue())
                .isEqualByComparingTo("0.50");
        assertThat(changeOf(report, earlier, "EVALUATION")).as("bids due the day before: " + report).isNull();

        JsonNode committee = changeOf(report, later, "COMMITTEE");
        assertThat(committee).as("the later tender's committee: " + report).isNotNull();
        assertThat(committee.get("before").get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(committee.get("after").get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(committee.get("firedOnlyAfter").findValuesAsText("rule")).containsExactly(COMMITTEE_RULE);
        assertThat(changeOf(report, earlier, "COMMITTEE")).as("bids due the day before: " + report).isNull();
        List<String> changedKinds = new ArrayList<>();
        report.get("changed").forEach(c -> {
            if (List.of(earlier, later).contains(c.get("tenderId").asText())) {
                changedKinds.add(c.get("kind").asText());
            }
        });
        assertThat(changedKinds).as("nothing else changed: " + report).containsExactlyInAnyOrder("EVALUATION",
                "COMMITTEE");
    }

    /**
     * A decision whose record keeps its answer is compared with it, not decided again under the version it used: a
     * copy whose kept answer says otherwise (a rule fired that no rule set fires, another price weight) shows that
     * answer as the one before. A record kept without its answer (an evaluation before it kept the price rules'
     * conclusions) is decided again under its version, and comes out unchanged. An expert draw is left out, with the
     * reason, and counts as no failure.
     */
    @Test
    void records_that_keep_their_answer_are_not_decided_again_and_expert_draws_are_left_out_with_the_reason() {
        String id = tenderWithDeadlineOn(21);
        at("2026-12-01T08:00:00");
        at("2026-12-04T10:00:00");
        bidAccepted(id, 1, "4700000.00", null, "LARGE");
        bidAccepted(id, 2, "4800000.00", null, "LARGE");
        bidAccepted(id, 3, "4900000.00", null, "LARGE");
        evaluate(id, "2026-12-21T09:30:01");

        FiredRule keptOnly = new FiredRule("ZZ-4 fired only in the kept answer", "TBL 1", "I", "zz.drl", 1);
        Map<String, String> copies = new java.util.HashMap<>();
        for (String kind : List.of("COMMITTEE", "BID_OPENING", "BID_SUBMISSION")) {
            DecisionRecord r = only(id, kind);
            List<FiredRule> fired = new ArrayList<>(r.firedRules());
            fired.add(keptOnly);
            copies.put(kind, copy(r, r.outputs(), fired).id());
        }
        DecisionRecord evaluation = only(id, "EVALUATION");
        ObjectNode otherWeight = evaluation.outputs().deepCopy();
        ((ObjectNode) otherWeight.get("pricing").get("priceWeights").get(0)).put("weight", new BigDecimal("0.33"));
        copies.put("EVALUATION", copy(evaluation, otherWeight, evaluation.firedRules()).id());
        ObjectNode withoutAnswer = otherWeight.deepCopy();
        withoutAnswer.remove(List.of("pricing", "pricingRulesFired"));
        String older = copy(evaluation, withoutAnswer, evaluation.firedRules()).id();
        // an expert draw as CommitteeDraw keeps it: the draw's ids and hashes, the exclusions, the date
        ObjectNode drawInputs = JSON.createObjectNode().put("evaluationId", "e-1").put("drawId", "d-1")
                .put("drawNo", 1).put("seedHash", "00").put("snapshotHash", "00").put("asOf", "2026-12-21");
        ObjectNode drawOutputs = JSON.createObjectNode();
        drawOutputs.putArray("exclusions");
        records.save(new DecisionRecord(UUID.randomUUID().toString(), "EXPERT_DRAW", DecisionRecord.Outcome.ACCEPTED,
                false, id, evaluation.ruleSetVersion(), evaluation.decidedAt(), "system", null, drawInputs,
                drawOutputs, evaluation.firedRules(), List.of()));

        JsonNode report = json(post("demo", "/api/rules/impact", request(candidate(Map.of(
                "policy/parameters.yaml", yaml -> yaml + "\n# the same rules, another version\n"), Map.of()))));

        assertThat(report.get("failed")).as(report.toString()).isEmpty();
        List<JsonNode> changed = new ArrayList<>();
        report.get("changed").forEach(c -> {
            if (c.get("tenderId").asText().equals(id)) {
                changed.add(c);
            }
        });
        assertThat(changed.stream().map(c -> c.get("decisionId").asText()).toList()).as(report.toString())
                .containsExactlyInAnyOrderElementsOf(copies.values());
        for (JsonNode c : changed) {
            if (c.get("kind").asText().equals("EVALUATION")) {
                assertThat(c.get("before").get("priceWeights").get(0).get("weight").decimalValue())
                        .isEqualByComparingTo("0.33");
                assertThat(c.get("after").get("priceWeights").get(0).get("weight").decimalValue())
                        .isEqualByComparingTo("0.40");
            } else {
                assertThat(c.get("firedOnlyBefore").findValuesAsText("rule")).containsExactly(keptOnly.rule());
                assertThat(c.get("differences")).isEmpty();
            }
        }
        assertThat(report.get("changed").findValuesAsText("decisionId")).doesNotContain(older);
        assertThat(count(report, "EVALUATION", "evaluated")).isGreaterThanOrEqualTo(3);
        assertThat(count(report, "EXPERT_DRAW", "failed")).isZero();
        assertThat(count(report, "EXPERT_DRAW", "evaluated")).isZero();
        assertThat(count(report, "EXPERT_DRAW", "excluded")).isGreaterThanOrEqualTo(1);
        assertThat(row(report, "EXPERT_DRAW").get("excludedReason").asText()).contains("personal data")
                .contains("个人信息");
    }

    private DecisionRecord only(String tenderId, String kind) {
        return records.ofTender(tenderId).stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow();
    }

    /** The record again, its answer as given: as if a decision had been kept so. */
    private DecisionRecord copy(DecisionRecord r, JsonNode outputs, List<FiredRule> fired) {
        DecisionRecord copy = new DecisionRecord(UUID.randomUUID().toString(), r.kind(), r.outcome(), false,
                r.tenderId(), r.ruleSetVersion(), r.decidedAt(), r.operator(), null, r.inputs(), outputs, fired,
                r.violations());
        records.save(copy);
        return copy;
    }

    private static JsonNode row(JsonNode report, String kind) {
        for (JsonNode c : report.get("counts")) {
            if (c.get("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no counts of " + kind + " in " + report);
    }

    private static int count(JsonNode report, String kind, String what) {
        return row(report, kind).path(what).asInt(-1);
    }

    private static JsonNode changeOf(JsonNode report, String tenderId, String kind) {
        for (JsonNode c : report.get("changed")) {
            if (tenderId.equals(c.path("tenderId").asText()) && kind.equals(c.path("kind").asText())) {
                return c;
            }
        }
        return null;
    }

    private static String request(String zip, String... kinds) {
        ObjectNode body = JSON.createObjectNode().put("candidateZip", zip).put("from", "2026-11-27")
                .put("to", "2026-12-31");
        if (kinds.length > 0) {
            var array = body.putArray("kinds");
            List.of(kinds).forEach(array::add);
        }
        return body.toString();
    }

    /** The project's rules folder zipped under rules/, files changed and added as given. */
    private static String candidate(Map<String, UnaryOperator<String>> changes, Map<String, String> added) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path rules = Path.of("rules");
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(rules)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = rules.relativize(file).toString().replace('\\', '/');
                String content = Files.readString(file, StandardCharsets.UTF_8);
                content = changes.getOrDefault(relative, UnaryOperator.identity()).apply(content);
                zip.putNextEntry(new ZipEntry("rules/" + relative));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (Map.Entry<String, String> file : added.entrySet()) {
                zip.putNextEntry(new ZipEntry("rules/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
