package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.RemoteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partner's clerk who answers in Tasklist is on record as the one who answered: the step read the operator from
 * the API's login only, and wrote "anonymousUser" for every step done in a webapp. And the change is in the audit
 * trail, with the clerk and the address, as the API's changes are (the webapps' requests were not audited).
 */
class TasklistOperatorTest extends RemoteTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_step_done_in_tasklist_records_the_clerk_who_did_it() {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        planned(evaluationId);
        JsonNode task = json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + tenderId
                + "&taskDefinitionKey=answerRequest")).get(0);
        assertThat(task).as("LY's clerk sees its request").isNotNull();

        ResponseEntity<String> submitted = new WebappSession("lyclerk", "tasklist").post(
                "/camunda/api/engine/engine/default/task/" + task.get("id").asText() + "/submit-form", """
                {"variables": {"accepted": {"value": true, "type": "Boolean"},
                               "venueId": {"value": "%s", "type": "String"}}}""".formatted(venue("LY")));
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(jdbc.sql("select answered_by from remote_partner where evaluation_id = ? and centre_code = 'LY'")
                .param(evaluationId).query(String.class).single()).isEqualTo("lyclerk");
        assertThat(jdbc.sql("select operator, address, status from audit_entry where path = ?")
                .param("/camunda/api/engine/engine/default/task/" + task.get("id").asText() + "/submit-form")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).list())
                .containsExactly("lyclerk 127.0.0.1 204");
    }
}
