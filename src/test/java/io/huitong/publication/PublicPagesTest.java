package io.huitong.publication;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.LifecycleTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The public doors: anyone watches an opening live and reads its record (EB20 32) and the result with the experts'
 * scores, the rejections and the complaint channel (K12); nobody changes anything through them.
 */
class PublicPagesTest extends LifecycleTest {

    /** A server-sent event as the watcher reads it. */
    record Event(String name, JsonNode data) {
    }

    /** An anonymous watcher of the live opening: its events arrive on a queue as the server sends them. */
    final class Watcher {

        private static final Event END = new Event("end", null);
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        Watcher(String tenderId) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/public/tenders/" + tenderId
                    + "/opening/live")).header("Accept", "text/event-stream").build();
            HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                String[] name = {null};
                StringBuilder data = new StringBuilder();
                r.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && name[0] != null) {
                        events.add(new Event(name[0], json(ResponseEntity.ok(data.toString()))));
                        name[0] = null;
                        data.setLength(0);
                    }
                });
                events.add(END);
            });
        }

        /** The next event, waiting for the server at most 20 seconds. */
        Event next() throws InterruptedException {
            Event event = events.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("an event from the live feed").isNotNull();
            return event;
        }
    }

    @Test
    void anyone_watches_the_opening_live_and_reads_its_record() throws Exception {
        String id = registerAndApprove(works().with("bidBondAmount", new BigDecimal("80000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", "80000.00 E_GUARANTEE", "LARGE");
        bidAccepted(id, 2, "4700000.00", "80000.00 E_GUARANTEE", "SMALL");
        bidAccepted(id, 3, "4761300.00", "80000.00 E_GUARANTEE", "MEDIUM");
        String third = keepSealed(id, 3);
        assertThat(get(null, "/public/tenders/" + id + "/opening-record").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        Watcher watcher = new Watcher(id);
        Event state = watcher.next();
        assertThat(state.name()).isEqualTo("state");
        assertThat(state.data().get("status").asText()).isEqualTo("BIDDING");
        assertThat(state.data().toString()).as("nothing about the bidders before the deadline (TBL 22)")
                .doesNotContain("投标人");

        at("2026-12-21T09:30:00");
        Map<String, String> decrypted = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            Event e = watcher.next();
            assertThat(e.name()).isEqualTo("decrypted");
            decrypted.put(e.data().get("bidderName").asText(), e.data().get("at").asText());
        }
        assertThat(decrypted).containsOnlyKeys("投标人1", "投标人2");
        Watcher late = new Watcher(id);
        Event progress = late.next();
        assertThat(progress.data().get("status").asText()).isEqualTo("CLOSED");
        assertThat(progress.data().get("decryption")).hasSize(3);

        decrypt(id, third, password(id, 3));
        runDueJobs();
        assertThat(watcher.next().data().get("bidderName").asText()).isEqualTo("投标人3");
        Event opened = watcher.next();
        assertThat(opened.name()).isEqualTo("opened");
        JsonNode record = opened.data().get("record");
        assertThat(record.get("valid").asInt()).isEqualTo(3);
        assertThat(record.get("bids")).hasSize(3);
        assertThat(record.toString()).contains("4761300").doesNotContain("口令");
        assertThat(watcher.next()).as("the feed ends with the record").isEqualTo(Watcher.END);

        ResponseEntity<String> published = get(null, "/public/tenders/" + id + "/opening-record");
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(published).get("decisionId").asText()).isEqualTo(record.get("decisionId").asText());
        assertThat(json(published).get("bids").findValuesAsText("bidderName"))
                .containsExactlyInAnyOrder("投标人1", "投标人2", "投标人3");
        assertThat(post(null, "/public/tenders/" + id + "/opening-record", "{}").getStatusCode())
                .as("read-only").isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    @Test
    void the_result_is_published_with_each_experts_scores_the_rejections_and_the_complaint_channel() {
        String id = registerAndApprove(works());
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "4800000.00", null, "LARGE");
        bidAccepted(id, 2, "4700000.00", null, "SMALL");
        bidAccepted(id, 3, "4761300.00", null, "MEDIUM");
        bidAccepted(id, 4, "4655500.00", null, "MEDIUM");
        at("2026-12-21T09:30:00");
        committee(id);
        assertThat(get(null, "/public/tenders/" + id + "/result").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(review(id, "投标人1")).isEqualTo(3);
        scoreAll(id, Map.of("投标人2", 50, "投标人3", 55, "投标人4", 52));
        signReport(id);
        assertThat(status(id)).isEqualTo("PUBLICITY");

        ResponseEntity<String> response = get(null, "/public/tenders/" + id + "/result");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode result = json(response);
        assertThat(result.get("candidates")).hasSize(3);
        assertThat(result.get("candidates").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(result.get("expertScores")).hasSize(15);
        assertThat(result.get("expertScores").findValuesAsText("expert")).as("the committee stays confidential")
                .allMatch(name -> name.startsWith("评委 Expert ")).doesNotContain("expert1");
        JsonNode rejection = result.get("rejections").get(0);
        assertThat(rejection.get("bidderName").asText()).isEqualTo("投标人1");
        assertThat(rejection.get("citation").asText()).isEqualTo("TBR 51(六)");
        assertThat(rejection.get("reason").asText()).isNotBlank();
        JsonNode channel = result.get("complaintChannel");
        assertThat(channel.get("objectionCitation").asText()).isEqualTo("TBR 54");
        assertThat(channel.get("objectionUntil").asText()).isEqualTo(deadline(id, "publicity").get("dueAt").asText());
        assertThat(channel.get("complaintCitation").asText()).isEqualTo("TBR 60");
        assertThat(channel.get("contact").asText()).isNotBlank();
    }
}
