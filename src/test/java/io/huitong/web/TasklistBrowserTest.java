package io.huitong.web;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.Browser;
import io.huitong.support.RemoteTest;
import io.huitong.support.TasklistPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Camunda Tasklist in real headless Chromium: a clerk logs in, finds the task (its entry names the tender's number
 * and title), sees why it came to them, completes it through its form, and the process moves on; a partner centre's clerk sees and does its own step only.
 */
class TasklistBrowserTest extends RemoteTest {

    @LocalServerPort
    int port;

    @Test
    void a_clerk_completes_an_approval_through_its_form_and_the_route_moves_on() {
        // Tasklist lists the newest first: registered after every other test's dates, the task is on the first page
        // however many tasks the rest of the suite left open
        clockAt(java.time.ZonedDateTime.parse("2027-03-01T10:00:00+08:00[Asia/Shanghai]"));
        ResponseEntity<String> created = post("purchaser", "/api/tenders", works()
                .with("documentIssueDate", "2027-03-02").with("bidDeadline", "2027-04-06T09:30:00+08:00").toString());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json(created).get("id").asText();
        String taskId = json(get("clerk", "/engine-rest/task?processInstanceBusinessKey=" + id)).get(0).get("id").asText();

        try (Browser browser = Browser.start()) {
            TasklistPage tasklist = new TasklistPage(browser, port).logIn("clerk", "clerk");
            try {
                assertThat(tasklist.taskNames()).contains("审批登记");
                assertThat(tasklist.entryShowing(id)).as("the entry says which tender the task is for")
                        .contains("项目编号 Tender no.").contains("项目名称 Title").contains("郑州市某道路改造工程施工")
                        .contains("审批登记");
                tasklist.openTask(taskId);
                assertThat(tasklist.guide()).as("why the route came to the clerk, with the rule and its article")
                        .contains("registration-clerk → centre-director").contains("Centre sign-off by amount")
                        .contains("Rule-set version");

                // returning without reasons is refused with the reason, and nothing changes
                tasklist.claim().complete();
                browser.waitFor(d -> tasklist.notifications().contains("退回须说明理由 / A return must give its reasons"));
                assertThat(tasklist.notifications()).as("the reason, not the engine's words").doesNotContain("ENGINE-");
                assertThat(json(get("demo", "/api/tenders/" + id)).get("approval").get("openStep")
                        .get("group").asText()).isEqualTo("registration-clerk");

                tasklist.tick("approved").fill("comment", "材料齐全").complete();
                browser.waitFor(d -> json(get("clerk", "/engine-rest/task?taskId=" + taskId)).isEmpty());
            } catch (RuntimeException | AssertionError e) {
                browser.dump("clerk-approval");
                throw e;
            }
        }
        JsonNode approval = json(get("demo", "/api/tenders/" + id)).get("approval");
        assertThat(approval.get("steps").get(0).get("decidedBy").asText()).isEqualTo("clerk");
        assertThat(approval.get("openStep").get("group").asText()).as("the process moved on")
                .isEqualTo("centre-director");

        try (Browser browser = Browser.start()) {
            TasklistPage director = new TasklistPage(browser, port).logIn("director", "director");
            assertThat(director.taskNames()).contains("审批登记");
        }
    }

    @Test
    void a_partner_clerk_sees_and_does_its_own_step_only() {
        String tenderId = remoteTender();
        String evaluationId = drawn(tenderId);
        String nyTask = json(get("nyclerk", "/engine-rest/task?processInstanceBusinessKey=" + tenderId)).get(0)
                .get("id").asText();
        String lyTask = json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + tenderId)).get(0)
                .get("id").asText();

        try (Browser browser = Browser.start()) {
            TasklistPage tasklist = new TasklistPage(browser, port).logIn("lyclerk", "lyclerk");
            try {
                // other tests' evaluations may have left Luoyang steps open; none of them is Nanyang's
                assertThat(tasklist.taskNames()).contains("准备评标室");
                tasklist.openTask(lyTask);
                assertThat(tasklist.guide()).contains("洛阳").doesNotContain("南阳");

                // Nanyang's step, opened by its link, shows nothing of it
                tasklist.openById(nyTask);
                browser.waitFor(d -> !tasklist.notifications().isBlank());
                assertThat(tasklist.notifications()).as("to Luoyang, Nanyang's step does not exist").contains("No matching task");
                assertThat(browser.all(org.openqa.selenium.By.cssSelector("textarea[id$='-guide']"))).isEmpty();

                tasklist.home().openTask(lyTask).claim();
                tasklist.fill("seatsReady", "8").choose("linkCheck", "OK").complete();
                browser.waitFor(d -> json(get("lyclerk", "/engine-rest/task?taskId=" + lyTask)).isEmpty());
            } catch (RuntimeException | AssertionError e) {
                browser.dump("partner-prepare");
                throw e;
            }
        }
        JsonNode ly = view("lyclerk", evaluationId).get("partners").get(0);
        assertThat(ly.get("preparedAt").isNull()).as("LY prepared its venue through Tasklist").isFalse();
        assertThat(ly.get("centre").asText()).isEqualTo("LY");
        JsonNode ny = view("nyclerk", evaluationId).get("partners").get(0);
        assertThat(ny.get("preparedAt").isNull()).as("NY's step untouched").isTrue();
    }
}
