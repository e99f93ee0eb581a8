package io.huitong.rules.web;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.support.ApiTest;
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
 * A rule author sees the impact of a change before it goes live (issue 16): a candidate rule set is decided on the
 * stored inputs of past decisions, beside the version each used; only the report is stored.
 */
class RuleImpactApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAMETERS = "policy/parameters.yaml";
    private static final String CAP = "  bond.cap.works-goods:\n    value: 800000\n";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.huitong.rules.DecisionRecords records;

    /** A works project of 50 million with a bond of 700,000: under the 2% of the estimate, at most the 800,000 cap. */
    private String largeWorksWithBond() {
        JsonNode created = json(post("purchaser", "/api/tenders", works().with("estimatedAmount",
                new BigDecimal("50000000.00")).with("budgetFunds", new BigDecimal("50000000.00"))
                .with("totalInvestment", new BigDecimal("60000000.00"))
                .with("bidBondAmount", new BigDecimal("700000.00")).toString()));
        assertThat(created.get("decisions").get("bidBond").get("maxAmount").decimalValue())
                .isEqualByComparingTo("800000");
        return created.get("id").asText();
    }

    /** The default works project of 5 million with a bond of 80,000: its cap is 2% of the estimate, 100,000. */
    private String smallWorksWithBond() {
        return json(post("purchaser", "/api/tenders", works().with("bidBondAmount", new BigDecimal("80000.00"))
                .toString())).get("id").asText();
    }

    @Test
    void lowering_the_bond_cap_changes_exactly_the_registrations_it_caps_with_old_and_new_outputs() {
        String capped = largeWorksWithBond();
        String below = smallWorksWithBond();
        long recordsBefore = decisionRecords();

        ResponseEntity<String> response = post("ruleauthor", "/api/rules/impact", request(candidate(
                files -> files.replace(CAP, "  bond.cap.works-goods:\n    value: 600000\n")), "REGISTRATION"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = json(response);
        JsonNode counts = report.get("counts").get(0);
        assertThat(counts.get("kind").asText()).isEqualTo("REGISTRATION");
        assertThat(counts.get("evaluated").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(counts.get("failed").asInt()).as(report.get("failed").toString()).isZero();
        JsonNode change = changeOf(report, capped);
        assertThat(change).as("the capped tender's registration changed: " + report).isNotNull();
        assertThat(changeOf(report, below)).as("a registration the cap does not touch").isNull();
        assertThat(change.get("before").get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(change.get("after").get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(change.get("before").get("decisions").get("bidBond").get("maxAmount").decimalValue())
                .isEqualByComparingTo("800000");
        assertThat(change.get("after").get("decisions").get("bidBond").get("maxAmount").decimalValue())
                .isEqualByComparingTo("600000");
        assertThat(change.get("after").get("violations").get(0).get("field").asText()).isEqualTo("bidBondAmount");
        assertThat(change.get("differences").findValuesAsText("path")).contains("/outcome",
                "/decisions/bidBond/maxAmount");
        // every registration the report calls changed changed by the bond cap and nothing else
        for (JsonNode c : report.get("changed")) {
            assertThat(c.get("differences").findValuesAsText("path"))
                    .allMatch(p -> p.equals("/outcome") || p.startsWith("/decisions/bidBond") || p.startsWith("/violations"));
        }
        assertThat(decisionRecords()).as("nothing is written to the decision records").isEqualTo(recordsBefore);

        String id = report.get("id").asText();
        JsonNode again = json(get("ruleauthor", "/api/rules/impact/" + id));
        assertThat(again.get("changed")).isEqualTo(report.get("changed"));
        ResponseEntity<String> csv = get("demo", "/api/rules/impact/" + id + "?format=csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("decision_id,kind,tender_id").contains(capped)
                .contains("/decisions/bidBond/maxAmount: 800000 -> 600000").doesNotContain(below);
    }

    /**
     * Done means (issue 16): a rule author changes a period's length in one cell of a decision table and sees, before
     * reloading, which existing tenders it would change: here the Tendering Law's documents-on-sale period, 5 → 7 days.
     */
    @Test
    void one_cell_of_a_decision_table_changed_shows_the_tenders_it_changes() {
        String works = smallWorksWithBond();
        String row = "TBR-16 tender documents on sale for at least 5 days,TBR 16,S,TENDERING_LAW,,,,yes,,documentPeriod,"
                + "招标文件发售期,Tender documents on sale,AFTER_DOCUMENT_ISSUE,5,CALENDAR_DAYS,true";
        assertThat(read("registration/periods.csv")).as("the row as the table writes it").contains(row);

        JsonNode report = json(post("ruleauthor", "/api/rules/impact", request(candidateWith(
                "registration/periods.csv", table -> table.replace(row, row.replace(",5,CALENDAR_DAYS,", ",7,CALENDAR_DAYS,"))),
                "REGISTRATION")));

        JsonNode change = changeOf(report, works);
        assertThat(change).as("the works tender's registration changes: " + report).isNotNull();
        assertThat(change.get("differences").findValuesAsText("path")).as(change.toString())
                .anyMatch(path -> path.startsWith("/decisions/periods"));
        assertThat(change.get("before").toString()).contains("\"length\":5");
        assertThat(change.get("after").toString()).contains("\"length\":7");
    }

    @Test
    void a_changed_decision_lists_only_what_differs_not_its_whole_outputs() {
        String capped = largeWorksWithBond();
        JsonNode report = json(post("ruleauthor", "/api/rules/impact", request(candidate(
                files -> files.replace(CAP, "  bond.cap.works-goods:\n    value: 600000\n")), "REGISTRATION")));
        JsonNode change = changeOf(report, capped);
        assertThat(change).as(report.toString()).isNotNull();
        // the bond cap changed, the other decisions of the registration (must-tender, periods, ...) did not
        assertThat(iterable(change.get("before").get("decisions").fieldNames())).containsExactly("bidBond");
        assertThat(iterable(change.get("after").get("decisions").fieldNames())).containsExactly("bidBond");
        assertThat(iterable(change.get("before").get("decisions").get("bidBond").fieldNames()))
                .containsExactlyInAnyOrderElementsOf(iterable(change.get("after").get("decisions").get("bidBond")
                        .fieldNames()))
                .contains("maxAmount");
        for (JsonNode d : change.get("differences")) {
            assertThat(d.get("path").asText()).matches("/outcome|/decisions/bidBond/.*|/violations.*");
        }
    }

    @Test
    void a_candidate_that_decides_alike_changes_nothing_against_the_answers_the_records_keep() {
        largeWorksWithBond();
        smallWorksWithBond();
        // another version (a comment more), the same rules: each record's kept answer is what the rules give again
        JsonNode report = json(post("ruleauthor", "/api/rules/impact", request(candidate(
                files -> files + "\n# the same rules, another version\n"), "REGISTRATION")));
        JsonNode counts = report.get("counts").get(0);
        assertThat(counts.get("evaluated").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(counts.get("failed").asInt()).as(report.get("failed").toString()).isZero();
        assertThat(report.get("changed")).as(report.toString()).isEmpty();
    }

    @Test
    void a_record_that_keeps_no_outputs_is_decided_again_under_the_version_it_used() {
        String capped = largeWorksWithBond();
        io.huitong.rules.DecisionRecord kept = records.get(jdbc.sql(
                "select id from decision_record where tender_id = ? and kind = 'REGISTRATION'").param(capped)
                .query(String.class).single());
        String bare = java.util.UUID.randomUUID().toString();
        // the same registration as an older build kept it: its inputs and version, no outputs, no fired rules
        records.save(new io.huitong.rules.DecisionRecord(java.util.UUID.randomUUID().toString(), "REGISTRATION",
                io.huitong.rules.DecisionRecord.Outcome.ACCEPTED, false, bare, kept.ruleSetVersion(),
                kept.decidedAt(), "test", null, kept.inputs(), JSON.createObjectNode(), List.of(), List.of()));

        JsonNode report = json(post("ruleauthor", "/api/rules/impact", request(candidate(
                files -> files.replace(CAP, "  bond.cap.works-goods:\n    value: 600000\n")), "REGISTRATION")));
        JsonNode change = changeOf(report, bare);
        assertThat(change).as(report.toString()).isNotNull();
        assertThat(change.get("before").get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(change.get("after").get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(change.get("before").get("decisions").get("bidBond").get("maxAmount").decimalValue())
                .isEqualByComparingTo("800000");
        assertThat(change.get("firedOnlyBefore")).isEmpty();
        assertThat(change.get("differences").findValuesAsText("path")).contains("/outcome",
                "/decisions/bidBond/maxAmount");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> items) {
        List<T> all = new ArrayList<>();
        items.forEachRemaining(all::add);
        return all;
    }

    @Test
    void a_candidate_that_does_not_compile_is_refused_with_file_and_line_and_nothing_is_stored() {
        long reportsBefore = jdbc.sql("select count(*) from rule_impact_report").query(Long.class).single();
        ResponseEntity<String> broken = post("ruleauthor", "/api/rules/impact", request(candidateWith(
                "registration/fees-and-bonds.drl", drl -> drl.replace("then\n    insert( BidBondCap.of(kcontext, $cap) );",
                        "then\n    insert( BidBondCap.of(kcontext, $cap) ;")), null));
        assertThat(broken.getStatusCode()).as(broken.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = json(broken).get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("registration/fees-and-bonds.drl");
        assertThat(problem.get("line").asInt()).isPositive();
        assertThat(jdbc.sql("select count(*) from rule_impact_report").query(Long.class).single())
                .isEqualTo(reportsBefore);
    }

    @Test
    void only_rule_authors_and_administrators_measure_and_read_the_impact() {
        String body = request(null, null).replace("\"candidateZip\":null", "\"candidateVersion\":\"" + active() + "\"");
        for (String user : List.of("bidder", "clerk", "purchaser")) {
            assertThat(post(user, "/api/rules/impact", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<String> made = post("demo", "/api/rules/impact", body);
        assertThat(made.getStatusCode()).as(made.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = json(made).get("id").asText();
        assertThat(get("bidder", "/api/rules/impact/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("clerk", "/api/rules/impact/" + id + "?format=csv").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("ruleauthor", "/api/rules/impact/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_reload_may_require_an_impact_report_of_the_same_candidate() {
        largeWorksWithBond();
        String other = json(post("ruleauthor", "/api/rules/impact", request(candidate(
                files -> files.replace(CAP, "  bond.cap.works-goods:\n    value: 600000\n")), null))).get("id").asText();
        ResponseEntity<String> refused = post("ruleauthor", "/api/rules/reload?requireImpactReport=" + other, null);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(refused).get("violations").get(0).get("field").asText()).isEqualTo("requireImpactReport");
        assertThat(post("ruleauthor", "/api/rules/reload?requireImpactReport=no-such-report", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // the folder as it is, uploaded: the same version as the folder the reload reads
        String same = json(post("ruleauthor", "/api/rules/impact", request(candidate(files -> files), null)))
                .get("id").asText();
        ResponseEntity<String> reloaded = post("ruleauthor", "/api/rules/reload?requireImpactReport=" + same, null);
        assertThat(reloaded.getStatusCode()).as(reloaded.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_sandbox_answers_for_every_decision_kind_and_stores_nothing() {
        String tender = largeWorksWithBond();
        long recordsBefore = decisionRecords();
        String registration = jdbc.sql("select id from decision_record where tender_id = ? and kind = 'REGISTRATION'")
                .param(tender).query(String.class).single();
        JsonNode inputs = json(get("purchaser", "/api/decisions/" + registration)).get("inputs");
        JsonNode answer = json(post("ruleauthor", "/api/rules/REGISTRATION/evaluate", inputs.toString()));
        assertThat(answer.get("outputs").get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.get("ruleSetVersion").asText()).isEqualTo(active());
        assertThat(answer.get("firedRules").findValuesAsText("citation")).contains("TBR 26");

        JsonNode committee = json(post("clerk", "/api/rules/committee/evaluate", """
                {"facts": {"law": "TENDERING_LAW", "regime": "TENDERING_LAW", "mustTender": true,
                 "estimatedAmount": 5000000, "size": 4, "experts": 3, "chairs": 1,
                 "chairIsPurchaserRepresentative": false}}"""));
        assertThat(committee.get("outputs").get("outcome").asText()).as(committee.toString()).isEqualTo("REFUSED");
        assertThat(committee.get("firedRules").findValuesAsText("citation")).isNotEmpty();

        JsonNode pricing = json(post("clerk", "/api/rules/pricing/evaluate", """
                {"pricing": {"law": "GOVERNMENT_PROCUREMENT", "regime": "GOVERNMENT_PROCUREMENT", "category": "GOODS",
                 "smeReserved": false},
                 "pricedBids": [{"bidId": "b1", "smeSize": "SMALL", "price": 900000},
                                {"bidId": "b2", "smeSize": "LARGE", "price": 1000000}]}"""));
        assertThat(pricing.get("outputs").get("priceWeights")).as(pricing.toString()).hasSize(1);
        assertThat(pricing.get("outputs").get("adjustments").findValuesAsText("bidId")).contains("b1")
                .doesNotContain("b2");

        ResponseEntity<String> noContext = post("clerk", "/api/rules/avoidance/evaluate", "{}");
        assertThat(noContext.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(noContext).get("violations").get(0).get("field").asText()).isEqualTo("context");
        assertThat(post("clerk", "/api/rules/no-such-kind/evaluate", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(get("clerk", "/api/rules/decision-kinds")).findValuesAsText("name"))
                .contains("registration-facts", "eligibility", "committee", "pricing", "avoidance", "collusion");
        assertThat(decisionRecords()).isEqualTo(recordsBefore);
    }

    private long decisionRecords() {
        return jdbc.sql("select count(*) from decision_record").query(Long.class).single();
    }

    private String active() {
        return json(get("ruleauthor", "/api/rules")).get("activeVersion").asText();
    }

    private static JsonNode changeOf(JsonNode report, String tenderId) {
        for (JsonNode c : report.get("changed")) {
            if (tenderId.equals(c.path("tenderId").asText())) {
                return c;
            }
        }
        return null;
    }

    private static String request(String zip, String kind) {
        ObjectNode body = JSON.createObjectNode().put("candidateZip", zip).put("from", "2026-11-27")
                .put("to", "2026-11-27");
        if (kind != null) {
            body.putArray("kinds").add(kind);
        }
        return body.toString();
    }

    /** The project's rules folder zipped, its parameters changed as given. */
    private static String candidate(UnaryOperator<String> parameters) {
        String original = read(PARAMETERS);
        String changed = parameters.apply(original);
        if (!changed.equals(original) && !original.contains(CAP)) {
            throw new AssertionError("the bond cap is no longer written as the test expects");
        }
        return candidateWith(PARAMETERS, parameters);
    }

    /** The project's rules folder zipped under rules/, one file changed as given. */
    private static String candidateWith(String path, UnaryOperator<String> change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path rules = Path.of("rules");
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(rules)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
            for (Path file : files) {
                String relative = rules.relativize(file).toString().replace('\\', '/');
                String content = Files.readString(file, StandardCharsets.UTF_8);
                if (relative.equals(path)) {
                    content = change.apply(content);
                }
                zip.putNextEntry(new ZipEntry("rules/" + relative));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of("rules", path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
