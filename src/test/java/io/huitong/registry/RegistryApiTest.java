package io.huitong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.Digests;
import io.huitong.shared.audit.AuditLog;
import io.huitong.shared.party.CreditCodes;
import io.huitong.support.ApiTest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The trading-entity registry through its doors (issue 18 items 1, 2, 5). In a context (and database) of its own: its
 * tests start from the demo bidders unregistered, which another class sharing the context (QualificationApiTest has
 * bidders 1 to 4 checked against the authorities) would not leave them.
 */
@TestPropertySource(properties = "huitong.test.database=registry")
class RegistryApiTest extends ApiTest {

    static final String BIDDER1 = "91410100MA0000001X";
    static final String BIDDER2 = "91410100MA00000021";
    static final String BIDDER3 = "91410100MA00000034";
    static final String BIDDER4 = "91410100MA00000047";
    static final String BIDDER5 = "91410100MA0000005A";

    @Autowired
    AuditLog audit;

    @Autowired
    RegistryFacts facts;

    private static final String ENTITY = """
            {"name": "投标人5", "entityType": "有限责任公司", "legalRepresentative": "张五", "regionCode": "411500"}""";

    @Test
    void an_entity_declares_and_keeps_its_own_records_and_every_change_is_audited() {
        assertThat(put("bidder5", "/api/registry/entities/" + BIDDER5, ENTITY).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> q = post("bidder5", "/api/registry/entities/" + BIDDER5 + "/qualifications", """
                {"kind": "建筑工程施工总承包", "grade": "三级", "issuer": "信阳市住房和城乡建设局", "number": "ZSD35",
                 "validFrom": "2025-01-01", "validTo": "2029-12-31"}""");
        assertThat(q.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String qualification = json(q).get("id").asText();
        assertThat(put("bidder5", "/api/registry/entities/" + BIDDER5 + "/personnel/豫241000000051", """
                {"name": "周建五", "registrationKind": "二级注册建造师", "speciality": "建筑工程", "validTo": "2028-01-01"}
                """).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> p = post("bidder5", "/api/registry/entities/" + BIDDER5 + "/performance", """
                {"project": "信阳某小学教学楼", "client": "信阳市教育局", "amount": 3200000.00, "startDate": "2023-03-01",
                 "endDate": "2024-06-30", "role": "施工总承包", "worksKind": "房屋建筑工程"}""");
        assertThat(p.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("bidder5", "/api/registry/entities/" + BIDDER5 + "/assignments", """
                {"certificateNo": "豫241000000051", "project": "信阳某中学宿舍楼", "client": "信阳市教育局",
                 "startDate": "2026-05-01"}""").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(put("bidder5", "/api/registry/entities/" + BIDDER5 + "/qualifications/" + qualification, """
                {"kind": "建筑工程施工总承包", "grade": "二级", "issuer": "河南省住房和城乡建设厅", "number": "ZSD35",
                 "validFrom": "2025-01-01", "validTo": "2029-12-31"}""").getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode view = json(get("purchaser", "/api/registry/entities/" + BIDDER5));
        assertThat(view.at("/entity/source").asText()).isEqualTo("SELF");
        assertThat(view.at("/qualifications/0/grade").asText()).isEqualTo("二级");
        assertThat(view.at("/personnel/0/employerCode").asText()).isEqualTo(BIDDER5);
        assertThat(view.at("/assignments/0/project").asText()).isEqualTo("信阳某中学宿舍楼");
        assertThat(view.get("performanceRecords").asLong()).isEqualTo(1);
        assertThat(json(get("purchaser", "/api/registry/entities/" + BIDDER5 + "/performance")).get(0).get("amount")
                .decimalValue()).isEqualByComparingTo("3200000.00");

        String performance = json(p).get("id").asText();
        assertThat(exchange("bidder5", HttpMethod.DELETE, "/api/registry/entities/" + BIDDER5 + "/performance/"
                + performance, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(get("purchaser", "/api/registry/entities/" + BIDDER5)).get("performanceRecords").asLong())
                .isZero();
        assertThat(audit.about("/api/registry/entities/" + BIDDER5)).extracting(AuditLog.Entry::method)
                .containsExactly("PUT", "POST", "PUT", "POST", "POST", "PUT", "DELETE");
        assertThat(audit.about("/api/registry/entities/" + BIDDER5)).allMatch(e -> e.operator().equals("bidder5"));
    }

    @Test
    void another_entitys_records_are_not_writable() {
        String target = BIDDER2;
        ResponseEntity<String> other = put("bidder4", "/api/registry/entities/" + target, ENTITY);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(other).get("detail").asText()).contains("creditCode");
        assertThat(post("bidder4", "/api/registry/entities/" + target + "/qualifications", """
                {"kind": "k", "grade": "g", "issuer": "i", "number": "n", "validFrom": "2025-01-01",
                 "validTo": "2026-01-01"}""").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // the centre's staff are not the entity either, and nobody writes without logging in
        assertThat(put("clerk", "/api/registry/entities/" + target, ENTITY).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("demo", "/api/registry/entities/" + target, ENTITY).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(null, "/api/registry/entities/" + target, ENTITY).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("purchaser", "/api/registry/entities/" + target).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // a bidder reads the checks of its own entity only
        assertThat(get("bidder4", "/api/registry/entities/" + target + "/checks").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("bidder2", "/api/registry/entities/" + target + "/checks").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_clerk_checks_an_entity_and_the_authoritys_records_are_not_the_entitys_to_change() {
        // declared by the entity first: its own person, then confirmed by the authority under the same number
        assertThat(put("bidder1", "/api/registry/entities/" + BIDDER1, ENTITY).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(put("bidder1", "/api/registry/entities/" + BIDDER1 + "/personnel/豫141000000001", """
                {"name": "李建一", "registrationKind": "一级注册建造师", "speciality": "市政公用工程"}""")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("bidder1", "/api/registry/entities/" + BIDDER1 + "/checks",
                "{\"kinds\": [\"BUSINESS_REGISTRATION\"]}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> checked = post("clerk", "/api/registry/entities/" + BIDDER1 + "/checks",
                "{\"kinds\": [\"PERSONNEL\", \"QUALIFICATIONS\", \"BUSINESS_REGISTRATION\"]}");
        assertThat(checked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(checked).findValuesAsText("outcome")).containsExactly("FOUND", "FOUND", "FOUND");

        JsonNode checks = json(get("clerk", "/api/registry/entities/" + BIDDER1 + "/checks"));
        assertThat(checks).hasSize(3);
        for (JsonNode check : checks) {
            assertThat(check.get("askedAt").asText()).isEqualTo("2026-11-27T02:00:00Z");
            assertThat(check.get("askedBy").asText()).isEqualTo("clerk");
            assertThat(check.get("answerSha256").asText()).isEqualTo(Digests.sha256Hex(check.get("answer").asText()));
            assertThat(check.get("signature").asText()).startsWith("kid=demo-authority;alg=ES256;sig=");
            // what was sent and what came back, each a signed message whose payload names the entity
            assertThat(payload(check.get("request").asText())).contains("\"creditCode\":\"" + BIDDER1 + "\"");
            assertThat(payload(check.get("answer").asText())).contains("\"creditCode\":\"" + BIDDER1 + "\"",
                    "\"found\":true");
        }
        JsonNode view = json(get("purchaser", "/api/registry/entities/" + BIDDER1));
        assertThat(view.at("/entity/name").asText()).isEqualTo("投标人1");
        assertThat(view.at("/entity/source").asText()).isEqualTo("SAMR");
        assertThat(view.get("qualifications").findValuesAsText("source")).containsOnly("MOHURD").hasSize(2);
        // the person the entity declared is now the authority's record under the same number
        assertThat(view.get("personnel")).hasSize(2).allMatch(p -> p.get("source").asText().equals("MOHURD"));
        assertThat(view.at("/personnel/0/certificateNo").asText()).isEqualTo("豫141000000001");
        assertThat(view.at("/personnel/0/speciality").asText()).isEqualTo("建筑工程");

        ResponseEntity<String> entity = put("bidder1", "/api/registry/entities/" + BIDDER1, ENTITY);
        assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(entity).get("source").asText()).isEqualTo("SAMR");
        assertThat(json(entity).at("/violations/0/field").asText()).isEqualTo("creditCode");
        String qualification = view.at("/qualifications/0/id").asText();
        ResponseEntity<String> edit = put("bidder1", "/api/registry/entities/" + BIDDER1 + "/qualifications/"
                + qualification, """
                {"kind": "建筑工程施工总承包", "grade": "特级", "issuer": "i", "number": "n", "validFrom": "2025-01-01",
                 "validTo": "2030-01-01"}""");
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(edit).get("source").asText()).isEqualTo("MOHURD");
        assertThat(exchange("bidder1", HttpMethod.DELETE, "/api/registry/entities/" + BIDDER1 + "/personnel/"
                + "豫141000000001", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(get("purchaser", "/api/registry/entities/" + BIDDER1)).at("/qualifications/0/grade").asText())
                .isEqualTo(view.at("/qualifications/0/grade").asText());
    }

    @Test
    void an_entity_the_authority_does_not_know_is_not_found_and_not_registered() {
        String code = newCode();
        ResponseEntity<String> checked = post("clerk", "/api/registry/entities/" + code + "/checks",
                "{\"kinds\": [\"BUSINESS_REGISTRATION\"]}");
        assertThat(checked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(checked).at("/0/outcome").asText()).isEqualTo("NOT_FOUND");
        assertThat(get("clerk", "/api/registry/entities/" + code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("clerk", "/api/registry/entities/" + code + "/checks", "{\"kinds\": [\"QUALIFICATIONS\"]}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("clerk", "/api/registry/entities/91410100MA00000020/checks",
                "{\"kinds\": [\"QUALIFICATIONS\"]}").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void a_file_with_a_bad_row_is_refused_whole_with_the_row_and_field() {
        String a = newCode();
        String b = newCode();
        String wrongCheck = b.substring(0, 17) + (b.endsWith("0") ? "1" : "0");
        String bad = "entityType,creditCode,name\n有限责任公司," + a + ",甲公司\n有限责任公司," + wrongCheck + ",乙公司\n";
        ResponseEntity<String> refused = csv("demo", "/api/registry/imports/entities", bad);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = json(refused);
        assertThat(problem.get("errorCount").asLong()).isEqualTo(1);
        assertThat(problem.at("/errors/0/row").asLong()).isEqualTo(3);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("creditCode");
        assertThat(problem.at("/violations/0/field").asText()).isEqualTo("rows[3].creditCode");
        assertThat(get("clerk", "/api/registry/entities/" + a).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // only administrators import, and only CSV
        assertThat(csv("bidder1", "/api/registry/imports/entities", bad).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("demo", "/api/registry/imports/entities", "{}").getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        ResponseEntity<String> done = csv("demo", "/api/registry/imports/entities?source=SAMR",
                "creditCode,name,entityType\n" + a + ",甲公司,有限责任公司\r\n" + b + ",\"乙公司, \"\"联合\"\"\",股份有限公司\n");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(done).get("rows").asLong()).isEqualTo(2);
        assertThat(json(get("clerk", "/api/registry/entities/" + b)).at("/entity/name").asText())
                .isEqualTo("乙公司, \"联合\"");
        assertThat(json(get("clerk", "/api/registry/entities/" + b)).at("/entity/source").asText()).isEqualTo("SAMR");

        // a second load of the same entity, a date out of order and an unknown entity: every bad row named
        String unknown = newCode();
        ResponseEntity<String> qualifications = csv("demo", "/api/registry/imports/qualifications",
                "creditCode,kind,grade,issuer,number,validFrom,validTo\n"
                        + a + ",建筑工程施工总承包,一级,厅,ZSN1,2025-01-01,2025-01-01\n"
                        + a + ",建筑工程施工总承包,一级,厅,ZSN2,2025-01-02,2025-01-01\n"
                        + unknown + ",建筑工程施工总承包,一级,厅,ZSN3,2025-01-01,2026-13-01\n");
        assertThat(qualifications.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(qualifications).get("errors").findValuesAsText("field"))
                .containsExactly("validTo", "creditCode", "validTo");
        assertThat(json(qualifications).get("errors").findValuesAsText("row")).containsExactly("3", "4", "4");
        assertThat(json(get("clerk", "/api/registry/entities/" + a)).get("qualifications")).isEmpty();
        assertThat(csv("demo", "/api/registry/imports/entities", "creditCode,name,entityType\n" + a + ",甲,有限\n")
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(csv("demo", "/api/registry/imports/entities", "creditCode,name\n" + newCode() + ",甲\n")
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void dates_at_their_boundaries() {
        assertThat(put("bidder3", "/api/registry/entities/" + BIDDER3, ENTITY).getStatusCode()).isEqualTo(HttpStatus.OK);
        String path = "/api/registry/entities/" + BIDDER3;
        // valid for one day: from and to the same day
        assertThat(post("bidder3", path + "/qualifications", """
                {"kind": "建筑工程施工总承包", "grade": "二级", "issuer": "厅", "number": "Q-1",
                 "validFrom": "2026-12-21", "validTo": "2026-12-21"}""").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> backwards = post("bidder3", path + "/qualifications", """
                {"kind": "建筑工程施工总承包", "grade": "二级", "issuer": "厅", "number": "Q-2",
                 "validFrom": "2026-12-21", "validTo": "2026-12-20"}""");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(backwards).at("/violations/0/field").asText()).isEqualTo("validTo");
        assertThat(put("bidder3", path + "/personnel/豫241000000039", """
                {"name": "吴建三", "registrationKind": "二级注册建造师", "speciality": "建筑工程"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> early = post("bidder3", path + "/assignments", """
                {"certificateNo": "豫241000000039", "project": "P", "client": "C", "startDate": "2026-03-01",
                 "completedOn": "2026-02-28"}""");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(early).at("/violations/0/field").asText()).isEqualTo("completedOn");
        assertThat(post("bidder3", path + "/assignments", """
                {"certificateNo": "豫241000000039", "project": "P", "client": "C", "startDate": "2026-03-01",
                 "completedOn": "2026-12-21", "stoppedSince": "2026-03-01", "clientConsent": true}""")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("bidder3", path + "/assignments", """
                {"certificateNo": "豫141000000001", "project": "P", "client": "C", "startDate": "2026-03-01"}""")
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        for (String end : new String[] {"2023-12-20", "2023-12-21"}) {
            assertThat(post("bidder3", path + "/performance", """
                    {"project": "P-%s", "client": "C", "amount": 1000000, "startDate": "2023-01-01",
                     "endDate": "%s", "role": "施工总承包", "worksKind": "房屋建筑工程"}""".formatted(end, end))
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(post("bidder3", path + "/performance", """
                {"project": "P-other", "client": "C", "amount": 1000000, "startDate": "2024-01-01",
                 "endDate": "2024-12-21", "role": "施工总承包", "worksKind": "市政公用工程"}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        LocalDate deadline = LocalDate.parse("2026-12-21");
        BidderFacts on = facts.of(BIDDER3, deadline, "豫241000000039", "房屋建筑工程", LocalDate.parse("2023-12-21"));
        assertThat(on.entity().creditCode()).isEqualTo(BIDDER3);
        assertThat(on.qualifications()).singleElement().satisfies(q -> {
            assertThat(q.validOn(deadline)).isTrue();
            assertThat(q.validOn(deadline.plusDays(1))).isFalse();
            assertThat(q.validOn(deadline.minusDays(1))).isFalse();
        });
        assertThat(on.projectManager().employerCode()).isEqualTo(BIDDER3);
        assertThat(on.managerAssignments()).singleElement().satisfies(a -> {
            assertThat(a.inProgressOn(deadline.minusDays(1))).isTrue();
            assertThat(a.inProgressOn(deadline)).isFalse();
            assertThat(a.clientConsent()).isTrue();
        });
        // the period's first day is in it, the day before is not; another kind of works is not asked for
        assertThat(on.performance()).extracting(PerformanceRecord::project).containsExactly("P-2023-12-21");
        assertThat(facts.of(BIDDER3, deadline, null, null, null).performance()).hasSize(3);
        assertThat(facts.of(BIDDER3, deadline).projectManager()).isNull();
        assertThat(facts.of(BIDDER3, deadline, "no-such", null, null).projectManager()).isNull();
        assertThat(facts.of(newCode(), deadline, null, null, null).registered()).isFalse();
        assertThat(on.all()).hasSize(1 + 1 + 1 + 1 + 1 + 1);
    }

    @Test
    void a_declared_assignment_is_never_deleted_nor_back_dated_and_each_change_is_kept() {
        String path = "/api/registry/entities/" + BIDDER4;
        registered("bidder4", BIDDER4);
        String cert = newCertificate();
        assertThat(put("bidder4", path + "/personnel/" + cert, """
                {"name": "赵建四", "registrationKind": "一级注册建造师", "speciality": "建筑工程"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String body = """
                {"certificateNo": "%s", "project": "洛阳某医院门诊楼", "projectCode": "LY-2026-0901",
                 "client": "洛阳市卫健委", "startDate": "2026-09-01", "completedOn": %s, "stoppedSince": %s,
                 "clientConsent": %s}""";
        ResponseEntity<String> declared = post("bidder4", path + "/assignments", body.formatted(cert, null, null, false));
        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String assignment = path + "/assignments/" + json(declared).get("id").asText();

        // the fact O2 decides on is not the bidder's to remove: 409 naming the rule and the field
        ResponseEntity<String> deleted = exchange("bidder4", HttpMethod.DELETE, assignment, null);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(deleted).at("/violations/0/field").asText()).isEqualTo("id");
        assertThat(json(deleted).at("/violations/0/citation").asText()).contains("O2");
        // nor is anything but its completion or stop
        ResponseEntity<String> renamed = put("bidder4", assignment, body.formatted(cert, null, null, false)
                .replace("洛阳某医院门诊楼", "另一个项目"));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(renamed).at("/violations/0/field").asText()).isEqualTo("project");
        // a completion told today cannot be dated yesterday (2026-11-26): no manager freed for a deadline gone by
        ResponseEntity<String> backDated = put("bidder4", assignment,
                body.formatted(cert, "\"2026-11-26\"", null, false));
        assertThat(backDated.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(backDated).at("/violations/0/field").asText()).isEqualTo("completedOn");
        assertThat(facts.of(BIDDER4, LocalDate.parse("2026-11-26"), cert, null, null).managerAssignments())
                .singleElement().satisfies(a -> assertThat(a.inProgressOn(LocalDate.parse("2026-11-26"))).isTrue());

        // stopped from today; months later the client consents: the consent counts from a stop told that day on
        assertThat(put("bidder4", assignment, body.formatted(cert, null, "\"2026-11-27\"", false)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        clockAt(ZonedDateTime.parse("2027-04-01T09:00:00+08:00[Asia/Shanghai]"));
        ResponseEntity<String> lateConsent = put("bidder4", assignment,
                body.formatted(cert, null, "\"2026-11-27\"", true));
        assertThat(lateConsent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(lateConsent).at("/violations/0/field").asText()).isEqualTo("clientConsent");
        assertThat(put("bidder4", assignment, body.formatted(cert, null, "\"2027-04-01\"", true)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(put("bidder4", assignment, body.formatted(cert, "\"2027-04-01\"", "\"2027-04-01\"", true))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(facts.of(BIDDER4, LocalDate.parse("2027-04-01"), cert, null, null).managerAssignments())
                .singleElement().satisfies(a -> {
                    assertThat(a.inProgressOn(LocalDate.parse("2027-03-31"))).isTrue();
                    assertThat(a.inProgressOn(LocalDate.parse("2027-04-01"))).isFalse();
                });

        // every change kept with the values before it, and every attempt in the audit trail
        JsonNode changes = json(get("purchaser", assignment + "/changes"));
        assertThat(changes).hasSize(3);
        assertThat(changes.findValuesAsText("stoppedSinceBefore")).containsExactly("null", "2026-11-27", "2027-04-01");
        assertThat(changes.findValuesAsText("stoppedSince")).containsExactly("2026-11-27", "2027-04-01",
                "2027-04-01");
        assertThat(changes.findValuesAsText("clientConsentBefore")).containsExactly("false", "false", "true");
        assertThat(changes.findValuesAsText("completedOn")).containsExactly("null", "null", "2027-04-01");
        assertThat(changes.findValuesAsText("changedBy")).containsOnly("bidder4");
        assertThat(changes.at("/0/changedAt").asText()).isEqualTo("2026-11-27T02:00:00Z");
        assertThat(audit.about(assignment)).extracting(AuditLog.Entry::method)
                .containsExactly("DELETE", "PUT", "PUT", "PUT", "PUT", "PUT", "PUT");
    }

    @Test
    void a_competitors_declaration_of_a_rivals_person_blocks_nothing_and_binds_only_the_competitor() {
        registered("bidder3", BIDDER3);
        registered("bidder4", BIDDER4);
        String cert = newCertificate();
        String person = """
                {"name": "钱建三", "registrationKind": "一级注册建造师", "speciality": "建筑工程"}""";
        // bidder 4 declares bidder 3's constructor first, and has him manage a project of its own "in progress"
        assertThat(put("bidder4", "/api/registry/entities/" + BIDDER4 + "/personnel/" + cert, person)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("bidder4", "/api/registry/entities/" + BIDDER4 + "/assignments", """
                {"certificateNo": "%s", "project": "虚报项目", "client": "C", "startDate": "2026-09-01"}"""
                .formatted(cert)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // bidder 3 declares him all the same: each declaration is its declarant's own
        ResponseEntity<String> own = put("bidder3", "/api/registry/entities/" + BIDDER3 + "/personnel/" + cert, person);
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(own).get("employerCode").asText()).isEqualTo(BIDDER3);

        LocalDate deadline = LocalDate.parse("2026-12-21");
        BidderFacts rival = facts.of(BIDDER3, deadline, cert, null, null);
        assertThat(rival.projectManager().employerCode()).isEqualTo(BIDDER3);
        assertThat(rival.managerAssignments()).as("another entity's declaration binds only it").isEmpty();
        BidderFacts competitor = facts.of(BIDDER4, deadline, cert, null, null);
        assertThat(competitor.projectManager().employerCode()).isEqualTo(BIDDER4);
        assertThat(competitor.managerAssignments()).extracting(ManagerAssignment::project).containsExactly("虚报项目");

        // the authority's record wins over both: the declarations go, and neither entity may declare him again
        ResponseEntity<String> imported = csv("demo", "/api/registry/imports/personnel?source=MOHURD",
                "certificateNo,name,registrationKind,speciality,employerCode\n" + cert + ",钱建三,一级注册建造师,建筑工程,"
                        + BIDDER3 + "\n");
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(get("purchaser", "/api/registry/entities/" + BIDDER4)).get("personnel")
                .findValuesAsText("certificateNo")).doesNotContain(cert);
        assertThat(facts.of(BIDDER3, deadline, cert, null, null).projectManager().source()).isEqualTo(Source.MOHURD);
        assertThat(put("bidder4", "/api/registry/entities/" + BIDDER4 + "/personnel/" + cert, person).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> authority = put("bidder3", "/api/registry/entities/" + BIDDER3 + "/personnel/" + cert,
                person);
        assertThat(authority.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(authority).get("source").asText()).isEqualTo("MOHURD");
        ResponseEntity<String> selfFile = csv("demo", "/api/registry/imports/personnel",
                "certificateNo,name,registrationKind,employerCode\n" + cert + ",钱建三,一级注册建造师," + BIDDER4 + "\n");
        assertThat(selfFile.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(selfFile).at("/errors/0/field").asText()).isEqualTo("certificateNo");
    }

    @Test
    void a_field_or_a_row_too_large_is_a_bad_row_and_never_buffered_whole() {
        String code = newCode();
        String tooLong = "甲".repeat(CsvRows.MAX_FIELD_CHARS + 1);
        String tooMany = ",x".repeat(CsvRows.MAX_FIELDS + 10);
        // the last field opens a quote that never closes: it runs to the end of the file (1 MB here)
        String file = "creditCode,name,entityType\n" + code + ",甲公司,有限责任公司\n"
                + newCode() + ",\"" + tooLong + "\",有限责任公司\n"
                + newCode() + ",乙公司,有限责任公司" + tooMany + "\n"
                + newCode() + ",丙公司,\"" + "x".repeat(1 << 20) + "\n";
        ResponseEntity<String> refused = csv("demo", "/api/registry/imports/entities", file);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode errors = json(refused).get("errors");
        assertThat(errors.findValuesAsText("row")).containsExactly("3", "4", "5");
        assertThat(errors.findValuesAsText("field")).containsExactly("name", "[65]", "entityType");
        assertThat(errors.get(0).get("reason").asText()).contains(String.valueOf(CsvRows.MAX_FIELD_CHARS));
        assertThat(errors.get(1).get("reason").asText()).contains(String.valueOf(CsvRows.MAX_FIELDS));
        assertThat(errors.get(2).get("reason").asText()).contains(String.valueOf(CsvRows.MAX_FIELD_CHARS));
        assertThat(json(refused).at("/violations/0/field").asText()).isEqualTo("rows[3].name");
        assertThat(get("clerk", "/api/registry/entities/" + code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // a header too wide is refused at its row
        ResponseEntity<String> wide = csv("demo", "/api/registry/imports/entities",
                "creditCode,name,entityType" + tooMany + "\n");
        assertThat(wide.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(wide).at("/errors/0/row").asLong()).isEqualTo(1);
    }

    /** The entity is in the registry: declared by its account unless it is there already (an authority's, say). */
    private void registered(String user, String code) {
        if (get(user, "/api/registry/entities/" + code).getStatusCode() == HttpStatus.NOT_FOUND) {
            assertThat(put(user, "/api/registry/entities/" + code, ENTITY).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    /** A registration certificate number no other test uses. */
    private static String newCertificate() {
        return "豫T" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private ResponseEntity<String> put(String user, String path, String json) {
        return exchange(user, HttpMethod.PUT, path, json);
    }

    private ResponseEntity<String> csv(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        headers.setBasicAuth(user, user);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String payload(String jws) {
        return new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A credit code no other test uses. */
    static String newCode() {
        return CreditCodes.withCheck("91410100" + String.format("%09d",
                ThreadLocalRandom.current().nextInt(1_000_000_000)));
    }
}
