package io.huitong.tender.web;

import static io.huitong.support.RegistrationJson.works;
import static io.huitong.support.RegistrationJson.xinyangGoods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.ApiTest;
import io.huitong.support.RegistrationJson;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The REST contract of registration, one test per kind of answer, through HTTP with the demo users. */
class RegistrationApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    int tenders() {
        return jdbc.sql("select count(*) from tender").query(Integer.class).single();
    }

    @Nested
    class Accepted {

        @Test
        void a_registration_is_created_with_its_decisions_and_route() {
            ResponseEntity<String> response = post("purchaser", "/api/tenders", works().toString());
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            JsonNode body = json(response);
            String id = body.get("id").asText();
            assertThat(response.getHeaders().getLocation()).hasToString("/api/tenders/" + id);
            assertThat(body.get("status").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(body.get("ruleSetVersion").asText()).hasSize(16);
            JsonNode decisions = body.get("decisions");
            assertThat(decisions.get("mustTender").asBoolean()).isTrue();
            assertThat(decisions.get("procurementMethodAllowed").asBoolean()).isTrue();
            assertThat(decisions.get("approvalRoute").toString()).isEqualTo("[\"registration-clerk\",\"centre-director\"]");
            assertThat(decisions.get("documentFee").decimalValue()).isEqualByComparingTo("0");
            assertThat(decisions.get("bidBond").get("required").asBoolean()).isFalse();
            assertThat(decisions.get("bidBond").get("maxAmount").isNull()).isTrue();
            assertThat(decisions.get("smeReserved").asBoolean()).isFalse();
            assertThat(decisions.get("citations").toString()).contains("MT16 5(1)", "TBL 24");
            JsonNode preparation = period(decisions, "bidPreparation");
            assertThat(preparation.get("earliest").asText()).isEqualTo("2026-12-21");
            assertThat(preparation.get("unit").asText()).isEqualTo("CALENDAR_DAYS");
            assertThat(preparation.get("citation").asText()).isEqualTo("TBL 24");
            assertThat(body.get("approval").get("openStep").get("group").asText()).isEqualTo("registration-clerk");
        }

        @Test
        void a_bond_cap_is_answered_exactly_in_yuan() {
            ResponseEntity<String> response = post("purchaser", "/api/tenders",
                    works().with("bidBondAmount", new BigDecimal("100000.00")).toString());
            assertThat(response.getBody()).contains("\"maxAmount\":100000.00");
            JsonNode body = json(response);
            JsonNode bond = body.get("decisions").get("bidBond");
            assertThat(bond.get("required").asBoolean()).isTrue();
            assertThat(bond.get("maxAmount").decimalValue()).isEqualByComparingTo("100000.00");
            assertThat(bond.get("allowedForms")).hasSize(5);
        }

        @Test
        void a_deadline_in_another_offset_is_answered_in_China_time() {
            JsonNode created = json(post("purchaser", "/api/tenders",
                    works().with("bidDeadline", "2026-12-21T01:30:00Z").toString()));
            assertThat(created.get("bidDeadline").asText()).isEqualTo("2026-12-21T09:30:00+08:00");
            JsonNode read = json(get("clerk", "/api/tenders/" + created.get("id").asText()));
            assertThat(read.get("bidDeadline").asText()).isEqualTo("2026-12-21T09:30:00+08:00");
        }

        @Test
        void a_date_alone_means_nine_o_clock_in_China() {
            JsonNode body = json(post("purchaser", "/api/tenders", works().with("bidDeadline", "2026-12-21").toString()));
            assertThat(body.get("bidDeadline").asText()).isEqualTo("2026-12-21T09:00:00+08:00");
        }

        @Test
        void the_tender_and_its_decision_record_can_be_read_back() {
            JsonNode created = json(post("purchaser", "/api/tenders", works().toString()));
            String id = created.get("id").asText();
            JsonNode tender = json(get("clerk", "/api/tenders/" + id));
            assertThat(tender.get("title").asText()).isEqualTo("郑州市某道路改造工程施工");
            assertThat(tender.get("decisions")).isEqualTo(created.get("decisions"));
            JsonNode scheme = tender.get("evaluationScheme");
            assertThat(scheme.get("priceWeight").decimalValue()).as("the documents' weight under the Tendering Law")
                    .isEqualByComparingTo("0.40");
            assertThat(scheme.get("maxTechnicalScore").decimalValue()).isEqualByComparingTo("60");
            assertThat(scheme.get("priceWeightCitation").asText()).startsWith("R12");
            JsonNode goods = json(post("purchaser", "/api/tenders", xinyangGoods().toString()));
            assertThat(goods.get("evaluationScheme").get("maxTechnicalScore").decimalValue())
                    .as("O87 55: price at least 30% for goods").isEqualByComparingTo("70");

            JsonNode records = json(get("clerk", "/api/tenders/" + id + "/decisions"));
            assertThat(records).hasSize(1);
            JsonNode record = records.get(0);
            assertThat(record.get("id").asText()).isEqualTo(created.get("decisionId").asText());
            assertThat(record.get("outcome").asText()).isEqualTo("ACCEPTED");
            assertThat(record.get("ruleSetVersion").asText()).isEqualTo(created.get("ruleSetVersion").asText());
            assertThat(record.get("operator").asText()).isEqualTo("purchaser");
            assertThat(record.get("clientAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(record.get("inputs").get("registration").get("estimatedAmount").decimalValue())
                    .isEqualByComparingTo("5000000.00");
            assertThat(record.get("outputs")).isEqualTo(created.get("decisions"));
            assertThat(record.get("firedRules").findValuesAsText("citation")).contains("MT16 5(1)", "TBL 24");
            assertThat(record.get("firedRules").get(0).get("file").asText()).startsWith("registration/");
        }

        @Test
        void an_unknown_tender_is_404() {
            ResponseEntity<String> response = get("clerk", "/api/tenders/no-such-tender");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Nested
    class Unreadable_requests_are_400 {

        @Test
        void malformed_json() {
            ResponseEntity<String> response = post("purchaser", "/api/tenders", "{\"title\": \"x\",");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(response).get("violations").get(0).get("rule").asText()).isEqualTo("json.syntax");
        }

        @Test
        void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
            JsonNode v = violation(post("purchaser", "/api/tenders", works().with("regime", "TENDER").toString()), 400);
            assertThat(v.get("field").asText()).isEqualTo("regime");
            assertThat(v.get("value").asText()).isEqualTo("TENDER");
            assertThat(v.get("limit").asText()).contains("TENDERING_LAW", "GOVERNMENT_PROCUREMENT");
            assertThat(v.get("message").asText()).contains("取值无效").contains("Invalid value");
        }

        @Test
        void a_wrong_type() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().with("estimatedAmount", "five million").toString()), 400);
            assertThat(v.get("field").asText()).isEqualTo("estimatedAmount");
        }

        @Test
        void a_number_written_as_a_string() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().with("estimatedAmount", "5000000.00").toString()), 400);
            assertThat(v.get("field").asText()).isEqualTo("estimatedAmount");
        }

        @Test
        void an_enum_given_as_a_number() {
            JsonNode v = violation(post("purchaser", "/api/tenders", works().withRaw("regime", "1").toString()), 400);
            assertThat(v.get("field").asText()).isEqualTo("regime");
        }

        @Test
        void text_given_as_a_number() {
            JsonNode v = violation(post("purchaser", "/api/tenders", works().withRaw("regionCode", "410100").toString()),
                    400);
            assertThat(v.get("field").asText()).isEqualTo("regionCode");
        }

        @Test
        void a_date_given_as_a_date_time() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().with("documentIssueDate", "2026-12-01T20:00:00Z").toString()), 400);
            assertThat(v.get("field").asText()).isEqualTo("documentIssueDate");
        }

        @Test
        void a_date_time_without_offset() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().with("bidDeadline", "2026-12-21T09:30:00").toString()), 400);
            assertThat(v.get("field").asText()).isEqualTo("bidDeadline");
        }

        @Test
        void an_unknown_field() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().with("bidBondAmout", new BigDecimal("1")).toString()), 400);
            assertThat(v.get("field").asText()).isEqualTo("bidBondAmout");
            assertThat(v.get("rule").asText()).isEqualTo("json.unknown-field");
        }
    }

    @Nested
    class Invalid_requests_are_422 {

        @Test
        void a_missing_required_field() {
            JsonNode v = violation(post("purchaser", "/api/tenders", works().without("regionCode").toString()), 422);
            assertThat(v.get("field").asText()).isEqualTo("regionCode");
            assertThat(v.get("rule").asText()).isEqualTo("validation.NotNull");
        }

        @Test
        void money_with_more_than_two_decimals() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().withRaw("estimatedAmount", "5000000.001").toString()), 422);
            assertThat(v.get("field").asText()).isEqualTo("estimatedAmount");
            assertThat(v.get("value").decimalValue()).isEqualTo(new BigDecimal("5000000.001"));
        }

        @Test
        void a_region_code_that_is_not_six_digits() {
            JsonNode v = violation(post("purchaser", "/api/tenders", works().with("regionCode", "4101").toString()), 422);
            assertThat(v.get("field").asText()).isEqualTo("regionCode");
        }

        @Test
        void documents_issued_before_today() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().with("documentIssueDate", "2026-11-26").toString()), 422);
            assertThat(v.get("field").asText()).isEqualTo("documentIssueDate");
            assertThat(v.get("limit").asText()).isEqualTo("2026-11-27");
        }

        @Test
        void an_empty_bond_form() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().withRaw("bidBondForms", "[\"CASH\", null]").toString()), 422);
            assertThat(v.get("field").asText()).startsWith("bidBondForms");
        }

        @Test
        void the_kind_of_service_under_the_Tendering_Law() {
            JsonNode v = violation(post("purchaser", "/api/tenders",
                    works().with("category", "SERVICES").with("estimatedAmount", new BigDecimal("2000000.00"))
                            .toString()), 422);
            assertThat(v.get("field").asText()).isEqualTo("serviceKind");
            assertThat(v.get("citation").asText()).isEqualTo("MT16 5(3)");
        }

        @Test
        void the_facts_must_tender_depends_on_under_the_Tendering_Law() {
            JsonNode v = violation(post("purchaser", "/api/tenders", works().without("stateControlled").toString()), 422);
            assertThat(v.get("field").asText()).isEqualTo("stateControlled");
            assertThat(v.get("citation").asText()).isEqualTo("MT16 2");
        }

        @Test
        void no_tender_is_created_but_the_refusal_is_recorded() {
            int before = tenders();
            JsonNode problem = json(post("purchaser", "/api/tenders", works().without("title").toString()));
            assertThat(tenders()).isEqualTo(before);
            JsonNode record = json(get("clerk", "/api/decisions/" + problem.get("decisionId").asText()));
            assertThat(record.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(record.get("violations").get(0).get("field").asText()).isEqualTo("title");
            assertThat(record.get("firedRules")).isEmpty();
        }
    }

    @Nested
    class Refused_by_the_rules {

        @Test
        void is_422_naming_the_rule_its_article_the_limit_and_the_value() {
            JsonNode body = json(post("purchaser", "/api/tenders",
                    works().with("bidDeadline", "2026-12-20T09:30:00+08:00").toString()));
            assertThat(body.get("status").asInt()).isEqualTo(422);
            assertThat(body.get("type").asText()).isEqualTo("https://huitong.io/problems/rule-refusal");
            JsonNode v = body.get("violations").get(0);
            assertThat(v.get("field").asText()).isEqualTo("bidDeadline");
            assertThat(v.get("rule").asText()).isEqualTo("TBL-24 at least 20 days from documents to bids in must-tender projects");
            assertThat(v.get("citation").asText()).isEqualTo("TBL 24");
            assertThat(v.get("limit").asText()).isEqualTo("2026-12-21");
            assertThat(v.get("value").asText()).isEqualTo("2026-12-20");
            assertThat(v.get("message").asText()).contains("不得少于20日").contains("at least 20 days");
        }

        @Test
        void a_Tendering_Law_tender_that_states_no_method_for_equal_scores_is_refused_it_never_draws_lots() {
            int before = tenders();
            ResponseEntity<String> response = post("purchaser", "/api/tenders", works().without("tieBreak").toString());
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode body = json(response);
            assertThat(body.get("violations")).singleElement().satisfies(v -> {
                assertThat(v.get("field").asText()).isEqualTo("tieBreak");
                assertThat(v.get("citation").asText()).isEqualTo("G1117 (二); docs/rules.md I5");
                assertThat(v.get("limit").asText()).contains("LOWER_EVALUATED_PRICE", "HIGHER_TECHNICAL_SCORE",
                        "EARLIER_SUBMISSION");
                assertThat(v.get("message").asText()).contains("不得以抽签").contains("never by lot");
            });
            assertThat(tenders()).isEqualTo(before);
            assertThat(post("purchaser", "/api/tenders", xinyangGoods().without("tieBreak").toString())
                    .getStatusCode()).as("government procurement may leave it to a draw (O87 68)")
                    .isEqualTo(HttpStatus.CREATED);
        }

        @Test
        void creates_no_tender_but_keeps_the_decision_record() {
            int before = tenders();
            JsonNode body = json(post("purchaser", "/api/tenders",
                    xinyangGoods().with("bidBondAmount", new BigDecimal("10000.00")).toString()));
            assertThat(body.get("violations").get(0).get("citation").asText()).contains("信阳");
            assertThat(tenders()).isEqualTo(before);

            JsonNode record = json(get("clerk", "/api/decisions/" + body.get("decisionId").asText()));
            assertThat(record.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(record.get("tenderId").isNull()).isTrue();
            assertThat(record.get("violations").get(0).get("field").asText()).isEqualTo("bidBondAmount");
            assertThat(record.get("ruleSetVersion").asText()).isEqualTo(body.get("ruleSetVersion").asText());
        }
    }

    @Nested
    class Sandbox {

        @Test
        void answers_the_same_decisions_and_stores_only_the_decision_record() {
            int before = tenders();
            ResponseEntity<String> response = post("ruleauthor", "/api/rules/registration/evaluate", works().toString());
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode body = json(response);
            assertThat(body.get("outcome").asText()).isEqualTo("ACCEPTED");
            JsonNode registered = json(post("purchaser", "/api/tenders", works().toString()));
            assertThat(body.get("decisions")).isEqualTo(registered.get("decisions"));
            assertThat(tenders()).isEqualTo(before + 1);
            JsonNode record = json(get("ruleauthor", "/api/decisions/" + body.get("decisionId").asText()));
            assertThat(record.get("sandbox").asBoolean()).isTrue();
        }

        @Test
        void reports_a_refusal_in_the_body() {
            JsonNode body = json(post("ruleauthor", "/api/rules/registration/evaluate",
                    xinyangGoods().with("documentFee", new BigDecimal("100")).toString()));
            assertThat(body.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(body.get("violations").get(0).get("field").asText()).isEqualTo("documentFee");
            assertThat(body.get("firedRules").findValuesAsText("rule")).contains("Jurisdiction policy waives the document fee");
        }
    }

    @Nested
    class Security {

        @Test
        void every_door_needs_authentication() {
            for (String path : new String[] {"/api/tenders/x", "/api/rules", "/engine-rest/task", "/engine-rest/engine",
                "/v3/api-docs"}) {
                ResponseEntity<String> response = get(null, path);
                assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(response.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
            }
            assertThat(post(null, "/api/tenders", works().toString()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void a_wrong_password_is_401() {
            // Camunda delays the next login of a user after a wrong password: use a user of this test only
            User user = identity.newUser("wrongpassword");
            user.setPassword("right");
            identity.saveUser(user);
            var headers = new org.springframework.http.HttpHeaders();
            headers.setBasicAuth("wrongpassword", "wrong");
            var response = http.exchange("/api/rules", org.springframework.http.HttpMethod.GET,
                    new org.springframework.http.HttpEntity<>(headers), String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void nobody_grants_themselves_rights_through_the_engine() {
            var response = exchange("purchaser", org.springframework.http.HttpMethod.PUT,
                    "/engine-rest/group/camunda-admin/members/purchaser", null);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("purchaser").count()).isZero();
        }

        @Test
        void the_engine_shows_tasks_only_to_their_groups() {
            String id = json(post("purchaser", "/api/tenders", works().toString())).get("id").asText();
            String processInstance = jdbc.sql("select process_instance_id from tender where id = ?").param(id)
                    .query(String.class).single();
            String path = "/engine-rest/task?processInstanceId=" + processInstance;
            assertThat(json(get("clerk", path))).as(get("clerk", path).getBody() + " for " + path).hasSize(1);
            assertThat(json(get("purchaser", path))).isEmpty();
            assertThat(json(get("director", path))).isEmpty();
        }

        @Test
        void only_granted_groups_log_in_to_Tasklist() {
            assertThat(webappLogin("clerk", "tasklist")).isEqualTo(HttpStatus.OK);
            assertThat(webappLogin("ruleauthor", "tasklist")).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(webappLogin("clerk", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(webappLogin("demo", "admin")).isEqualTo(HttpStatus.OK);
        }

        /** Logs in as the webapps' own login form does: a page first, for the session and its CSRF token. */
        private org.springframework.http.HttpStatusCode webappLogin(String user, String app) {
            var page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
            var cookies = page.getHeaders().get(org.springframework.http.HttpHeaders.SET_COOKIE).stream()
                    .map(c -> c.split(";", 2)[0]).toList();
            var headers = new org.springframework.http.HttpHeaders();
            headers.put(org.springframework.http.HttpHeaders.COOKIE, cookies);
            headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
            form.add("username", user);
            form.add("password", user);
            return http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                    new org.springframework.http.HttpEntity<>(form, headers), String.class).getStatusCode();
        }

        @Test
        void a_clerk_cannot_reload_rules_or_deploy_models() {
            assertThat(post("clerk", "/api/rules/reload", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post("clerk", "/api/processes/redeploy", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post("clerk", "/engine-rest/deployment/create", "").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        @Test
        void only_purchasers_and_clerks_register() {
            assertThat(post("director", "/api/tenders", works().toString()).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post("clerk", "/api/tenders", works().toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        @Test
        void state_changes_are_audited_with_time_address_and_operator() {
            post("purchaser", "/api/tenders", works().toString());
            post("clerk", "/api/rules/reload", "");
            var entries = jdbc.sql("select operator, address, method, path, status from audit_entry order by id desc")
                    .query().listOfRows();
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.get("OPERATOR")).isEqualTo("purchaser");
                assertThat(e.get("ADDRESS")).isEqualTo("127.0.0.1");
                assertThat(e.get("PATH")).isEqualTo("/api/tenders");
                assertThat(e.get("STATUS")).isEqualTo(201);
            });
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.get("OPERATOR")).isEqualTo("clerk");
                assertThat(e.get("PATH")).isEqualTo("/api/rules/reload");
                assertThat(e.get("STATUS")).isEqualTo(403);
            });
        }
    }

    private static JsonNode violation(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode violations = json(response).get("violations");
        assertThat(violations).as(response.getBody()).hasSize(1);
        return violations.get(0);
    }

    private static JsonNode period(JsonNode decisions, String name) {
        for (JsonNode p : decisions.get("periods")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no period " + name);
    }

    @Nested
    class The_tenderer_is_an_organisation {

        @Test
        void its_credit_code_and_name_are_required_and_the_code_is_checked() {
            ResponseEntity<String> without = post("purchaser", "/api/tenders", works().without("purchaserId").toString());
            assertThat(without.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(without).get("violations").findValuesAsText("field")).contains("purchaserId");
            ResponseEntity<String> wrongCheck = post("purchaser", "/api/tenders",
                    works().with("purchaserId", "12410100MB00000770").toString());
            assertThat(wrongCheck.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(json(wrongCheck).get("violations").findValuesAsText("field")).contains("purchaserId");
            ResponseEntity<String> nameless = post("purchaser", "/api/tenders", works().without("purchaserName")
                    .toString());
            assertThat(nameless.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Nested
    class The_list_of_tenders {

        private final String token = "列表" + java.util.UUID.randomUUID().toString().substring(0, 8);

        private int registered;

        private String register(String user, RegistrationJson registration, String title) {
            clockAt(NOW.plusMinutes(++registered));
            ResponseEntity<String> created = post(user, "/api/tenders",
                    registration.with("title", token + title).toString());
            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
            return json(created).get("id").asText();
        }

        private List<String> titles(String user, String query) {
            ResponseEntity<String> page = get(user, "/api/tenders?q=" + token + query);
            assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(HttpStatus.OK);
            List<String> titles = new java.util.ArrayList<>();
            json(page).get("items").forEach(t -> titles.add(t.get("title").asText().substring(token.length())));
            return titles;
        }

        @Test
        void purchasers_see_their_own_the_centre_sees_all_filtered_and_paged_newest_first() {
            register("purchaser", works(), "道路A");
            register("purchaser", xinyangGoods(), "设备B");
            register("clerk", works(), "道路C");

            assertThat(titles("purchaser", "")).as("a purchaser sees what it registered, newest first")
                    .containsExactly("设备B", "道路A");
            assertThat(titles("clerk", "")).containsExactly("道路C", "设备B", "道路A");
            assertThat(titles("supervisor", "")).hasSize(3);
            assertThat(titles("clerk", "&mine=true")).containsExactly("道路C");
            assertThat(titles("clerk", "&regime=GOVERNMENT_PROCUREMENT")).containsExactly("设备B");
            assertThat(titles("clerk", "&region=4115")).as("a region prefix: Xinyang").containsExactly("设备B");
            assertThat(titles("clerk", "&status=PENDING_APPROVAL&status=RETURNED")).hasSize(3);
            assertThat(titles("clerk", "&status=BIDDING")).isEmpty();
            assertThat(titles("clerk", "道路")).containsExactly("道路C", "道路A");

            JsonNode second = json(get("clerk", "/api/tenders?q=" + token + "&size=2&page=1"));
            assertThat(second.get("total").asLong()).isEqualTo(3);
            assertThat(second.get("items")).hasSize(1);
            assertThat(second.get("items").get(0).get("title").asText()).endsWith("道路A");
            assertThat(second.get("items").get(0).get("statusLabel").asText()).isNotBlank();
        }

        @Test
        void a_filter_that_cannot_be_read_is_400_naming_it_and_others_are_refused() {
            ResponseEntity<String> status = get("clerk", "/api/tenders?status=OPEN_NOW");
            assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(status).get("violations").get(0).get("field").asText()).isEqualTo("status");
            ResponseEntity<String> size = get("clerk", "/api/tenders?size=1000");
            assertThat(size.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(size).get("violations").get(0).get("field").asText()).isEqualTo("size");
            assertThat(get("clerk", "/api/tenders?region=41%25").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(get("bidder", "/api/tenders").getStatusCode()).as("bidders use the public pages")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get("lyclerk", "/api/tenders").getStatusCode()).as("a partner centre sees no list")
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }
}
