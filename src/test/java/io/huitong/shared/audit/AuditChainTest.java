package io.huitong.shared.audit;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail is a hash chain: an edited row, a deleted row or a deleted last row each breaks verification. */
class AuditChainTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    JsonNode verification() {
        return json(get("supervisor", "/api/audit/verification"));
    }

    long lastId() {
        return jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
    }

    @Test
    void every_state_change_is_chained_and_an_edited_or_missing_row_is_found() {
        post("purchaser", "/api/tenders", works().toString());
        post("bidder", "/api/tenders", works().toString());
        post("purchaser", "/api/tenders", "{}");
        JsonNode intact = verification();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("verified").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(get("clerk", "/api/audit/verification").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // an edited row: verification fails at that row
        long edited = lastId() - 1;
        String path = jdbc.sql("select path from audit_entry where id = ?").param(edited).query(String.class).single();
        jdbc.sql("update audit_entry set path = '/api/tenders/forged' where id = ?").param(edited).update();
        JsonNode broken = verification();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("brokenAt").asLong()).isEqualTo(edited);
        jdbc.sql("update audit_entry set path = ? where id = ?").params(path, edited).update();
        assertThat(verification().get("intact").asBoolean()).isTrue();

        // an operator changed: found as well
        String operator = jdbc.sql("select operator from audit_entry where id = ?").param(edited).query(String.class)
                .single();
        jdbc.sql("update audit_entry set operator = 'someone' where id = ?").param(edited).update();
        assertThat(verification().get("brokenAt").asLong()).isEqualTo(edited);
        jdbc.sql("update audit_entry set operator = ? where id = ?").params(operator, edited).update();
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void a_deleted_row_is_found_at_the_next_and_a_deleted_last_row_at_the_head() {
        post("purchaser", "/api/tenders", works().toString());
        post("purchaser", "/api/tenders", works().toString());
        post("purchaser", "/api/tenders", works().toString());
        long last = lastId();
        var row = jdbc.sql("select * from audit_entry where id = ?").param(last - 1).query().singleRow();
        jdbc.sql("delete from audit_entry where id = ?").param(last - 1).update();
        JsonNode gap = verification();
        assertThat(gap.get("intact").asBoolean()).isFalse();
        assertThat(gap.get("brokenAt").asLong()).isEqualTo(last);
        assertThat(gap.get("problem").asText()).contains("missing");
        restore(row);
        assertThat(verification().get("intact").asBoolean()).isTrue();

        // the last entry deleted: the head still names it
        long newest = lastId();
        var lastRow = jdbc.sql("select * from audit_entry where id = ?").param(newest).query().singleRow();
        jdbc.sql("delete from audit_entry where id = ?").param(newest).update();
        JsonNode tail = verification();
        assertThat(tail.get("intact").asBoolean()).isFalse();
        assertThat(tail.get("brokenAt").asLong()).isEqualTo(newest);
        restore(lastRow);
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    /** Puts a deleted row back as it was (the chain holds again). */
    private void restore(java.util.Map<String, Object> row) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> values.put(k.toLowerCase(), v));
        jdbc.sql("""
                insert into audit_entry (id, at, operator, address, method, path, status, detail, prev_hash, entry_hash)
                values (:id, :at, :operator, :address, :method, :path, :status, :detail, :prev_hash, :entry_hash)""")
                .params(values).update();
    }
}
