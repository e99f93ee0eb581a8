package io.huitong.remote;

import static io.huitong.support.Zips.unzip;
import static io.huitong.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.Digests;
import io.huitong.support.RemoteTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A remote evaluation as Luoyang's clerk ({@code lyclerk}, a partner of Zhengzhou) lives it: told why everything is
 * locked when another venue's link fails and what it waits for; choosing its venue from a list in Tasklist; handing
 * back the audio-video records J7 requires, which the tender's archive lists with their hashes; confirming or
 * disputing its compensation.
 */
class PartnerExperienceTest extends RemoteTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_partner_locked_by_another_venues_failure_is_told_why_since_when_and_what_it_waits_for() {
        String tenderId = remoteTender();
        String id = drawn(tenderId);
        String nyVenue = partnerVenue(id, "NY");
        at("2026-12-22T10:00:00");
        linkDown("NY", id, nyVenue);

        JsonNode ly = view("lyclerk", id);
        assertThat(ly.get("status").asText()).isEqualTo("LOCKED");
        assertThat(ly.get("linkFailures")).as("another partner's failure is not LY's to see").isEmpty();
        JsonNode lock = ly.get("lock");
        assertThat(lock.get("failedAt").asText()).isEqualTo("ANOTHER_VENUE");
        assertThat(lock.get("venueId").isNull()).isTrue();
        assertThat(lock.get("since").asText()).isEqualTo("2026-12-22T02:00:00Z");
        assertThat(lock.get("stage").asText()).isEqualTo("BEFORE_START");
        assertThat(lock.get("rule").asText()).isEqualTo("J9");
        assertThat(lock.get("citation").asText()).contains("J9");
        assertThat(lock.get("thresholdHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(lock.get("thresholdAt").asText()).isEqualTo("2026-12-23T11:00:00+08:00");
        assertThat(lock.get("thresholdReached").asBoolean()).isFalse();
        assertThat(lock.get("afterThreshold").asText()).isEqualTo("TENDERER_DECIDES");
        assertThat(texts(lock.get("waitingFor"))).containsExactly("RESTORATION", "TENDERER_DECISION");
        assertThat(lock.get("message").asText()).contains("另一评标场地", "another venue", "锁定", "locked",
                "2026-12-23 11:00", "2026-12-22 10:00", "招标人", "tenderer");
        assertThat(lock.toString()).as("nothing of Nanyang's").doesNotContain(nyVenue, "NY", "南阳");

        assertThat(view("nyclerk", id).get("lock").get("failedAt").asText()).isEqualTo("YOUR_VENUE");
        assertThat(view("nyclerk", id).get("lock").get("venueId").asText()).isEqualTo(nyVenue);
        assertThat(view("clerk", id).get("lock").get("venueId").asText()).as("the main centre sees all")
                .isEqualTo(nyVenue);

        // two hours past the start: the tenderer decides; the partner waits for that decision only
        at("2026-12-23T11:00:00");
        assertThat(openTaskKeys(tenderId)).containsExactly("tendererLinkDecision");
        JsonNode past = view("lyclerk", id).get("lock");
        assertThat(past.get("thresholdReached").asBoolean()).isTrue();
        assertThat(texts(past.get("waitingFor"))).containsExactly("TENDERER_DECISION");
        assertThat(past.get("message").asText()).contains("等待招标人决定", "waiting for the tenderer");

        // the tenderer goes on: nothing is locked any more
        assertThat(post("purchaser", "/api/remote-evaluations/" + id + "/link-decision", "{\"goOn\":true}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(view("lyclerk", id).get("lock").isNull()).isTrue();
    }

    @Test
    void during_the_evaluation_a_failure_at_the_main_venue_shows_the_four_hour_rule() {
        String tenderId = remoteTender();
        String id = drawn(tenderId);
        prepareAll(id);
        signInAll(id);
        assertThat(view("clerk", id).get("status").asText()).isEqualTo("EVALUATING");
        at("2026-12-23T10:00:00");
        linkDown("ZZ", id, view("clerk", id).get("mainVenueId").asText());

        JsonNode lock = view("lyclerk", id).get("lock");
        assertThat(lock.get("failedAt").asText()).isEqualTo("MAIN_VENUE");
        assertThat(lock.get("stage").asText()).isEqualTo("DURING");
        assertThat(lock.get("rule").asText()).isEqualTo("J10");
        assertThat(lock.get("thresholdHours").decimalValue()).isEqualByComparingTo("4");
        assertThat(lock.get("thresholdAt").asText()).isEqualTo("2026-12-23T14:00:00+08:00");
        assertThat(lock.get("afterThreshold").asText()).isEqualTo("POSTPONED");
        assertThat(texts(lock.get("waitingFor"))).containsExactly("RESTORATION");
        assertThat(lock.get("message").asText()).contains("主场", "the main venue", "重新组建评标委员会",
                "a new committee");
    }

    @Test
    void a_partner_chooses_its_venue_hands_back_its_records_into_the_archive_and_disputes_its_compensation()
            throws IOException {
        String tenderId = remoteTender();
        String id = evaluationOf(tenderId);
        planned(id);

        // (b) Luoyang's clerk in Tasklist: the venue is a choice among its own venues, not an id to type
        JsonNode task = json(get("lyclerk", "/engine-rest/task?candidateGroup=centre-ly&processInstanceBusinessKey="
                + tenderId)).get(0);
        String taskId = task.get("id").asText();
        JsonNode form = json(get("lyclerk", "/engine-rest/task/" + taskId + "/deployed-form"));
        JsonNode venueField = null;
        for (JsonNode c : form.get("components")) {
            if ("venueId".equals(c.path("key").asText())) {
                venueField = c;
            }
        }
        assertThat(venueField).isNotNull();
        assertThat(venueField.get("type").asText()).isEqualTo("select");
        assertThat(venueField.get("valuesKey").asText()).isEqualTo("venueOptions");
        // what Tasklist's Camunda Forms load (serialized values) and read the select's options from
        WebappSession tasklist = new WebappSession("lyclerk", "tasklist");
        String tasklistApi = "/camunda/api/engine/engine/default/task/" + taskId;
        JsonNode variables = json(tasklist.get(tasklistApi + "/form-variables?deserializeValues=false"));
        assertThat(variables.get("venueOptions").get("type").asText()).as(variables.toString()).isEqualTo("Json");
        JsonNode options = JSON.readTree(variables.get("venueOptions").get("value").asText());
        assertThat(options).singleElement().satisfies(o -> {
            assertThat(o.get("value").asText()).isEqualTo(venue("LY"));
            assertThat(o.get("label").asText()).contains("远程异地评标室", "8");
        });
        ResponseEntity<String> chosen = tasklist.post(tasklistApi + "/submit-form",
                "{\"variables\":{\"accepted\":{\"value\":true,\"type\":\"Boolean\"},\"venueId\":{\"value\":\"" + options.get(0).get("value").asText() + "\",\"type\":\"String\"}}}");
        assertThat(chosen.getStatusCode()).as(chosen.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(partnerVenue(id, "LY")).isEqualTo(venue("LY"));
        accepts("NY", id);

        // the evaluation, confirmed by the main venue
        at("2026-12-22T09:00:00");
        prepareAll(id);
        signInAll(id);
        reviewed(tenderId);
        List<String> members = members(tenderId);
        scoredBy(tenderId, members);
        signedBy(tenderId, members);
        confirmed(id);

        // (c) no hand-back without the audio-video record of LY's session (J7); nothing changes
        ResponseEntity<String> bare = post("lyclerk", "/api/remote-evaluations/" + id + "/handbacks/LY",
                "{\"recordsNote\":\"纸质评标资料1袋\"}");
        assertThat(bare.getStatusCode()).as(bare.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode violation = json(bare).get("violations").get(0);
        assertThat(violation.get("field").asText()).isEqualTo("records");
        assertThat(violation.get("citation").asText()).isEqualTo("J7");
        assertThat(violation.get("limit").asInt()).isEqualTo(1);
        assertThat(view("lyclerk", id).get("partners").get(0).get("recordsAt").isNull()).isTrue();
        assertThat(openTaskKeys(tenderId)).containsExactlyInAnyOrder("handBackRecords", "handBackRecords");

        // uploads: the file itself with its type; what a page of another site could send is refused, as are an
        // empty file and one over the limit; a scanned paper is not a recording
        assertThat(uploadRecord("lyclerk", id, null, "x.txt", "text/plain", new byte[] {1}).getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploadRecord("lyclerk", id, null, "x.mp4", "multipart/form-data; boundary=x", new byte[] {1})
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploadRecord("lyclerk", id, null, "empty.mp4", "video/mp4", new byte[0]).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<String> large = uploadRecord("lyclerk", id, null, "large.mp4", "video/mp4", new byte[65537]);
        assertThat(large.getStatusCode()).as(large.getBody()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(json(large).get("violations").get(0).get("limit").asLong()).isEqualTo(65536);
        byte[] scan = "签到表扫描件 sign-in sheet".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> paper = uploadRecord("lyclerk", id, null, "签到表.pdf", "application/pdf", scan);
        assertThat(paper.getStatusCode()).as(paper.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(paper).get("kind").asText()).isEqualTo("DOCUMENT");
        assertThat(post("lyclerk", "/api/remote-evaluations/" + id + "/handbacks/LY",
                "{\"recordsNote\":\"纸质评标资料1袋\"}").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        byte[] video = "洛阳评标室全程录像 the whole session, recorded".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> recorded = uploadRecord("lyclerk", id, null, "C:\\录像\\洛阳评标室录像.mp4",
                "video/mp4", video);
        assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode record = json(recorded);
        assertThat(record.get("kind").asText()).isEqualTo("AUDIO_VIDEO");
        assertThat(record.get("name").asText()).isEqualTo("洛阳评标室录像.mp4");
        assertThat(record.get("sha256").asText()).isEqualTo(Digests.sha256Hex(video));
        assertThat(record.get("bytes").asLong()).isEqualTo(video.length);
        assertThat(record.get("uploadedBy").asText()).isEqualTo("lyclerk");
        assertThat(record.get("centre").asText()).isEqualTo("LY");
        assertThat(record.get("venueId").asText()).isEqualTo(venue("LY"));
        ResponseEntity<byte[]> download = bytes("lyclerk", "/api/remote-evaluations/" + id + "/records/"
                + record.get("id").asText() + "/content");
        assertThat(download.getBody()).isEqualTo(video);
        ResponseEntity<String> back = post("lyclerk", "/api/remote-evaluations/" + id + "/handbacks/LY",
                "{\"recordsNote\":\"纸质评标资料1袋、音视频记录1段\"}");
        assertThat(back.getStatusCode()).as(back.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
        assertThat(uploadRecord("lyclerk", id, null, "late.mp4", "video/mp4", video).getStatusCode())
                .as("handed back: nothing more").isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(get("clerk", "/api/remote-evaluations/" + id + "/records")).findValuesAsText("sha256"))
                .containsExactlyInAnyOrder(Digests.sha256Hex(scan), Digests.sha256Hex(video));

        // (d) the compensation: NY's is not settled yet; LY disputes, with its reasons
        assertThat(post("nyclerk", "/api/remote-evaluations/" + id + "/compensation/confirmation",
                "{\"agree\":true}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> noReason = post("lyclerk", "/api/remote-evaluations/" + id
                + "/compensation/confirmation", "{\"agree\":false}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(noReason).get("violations").get(0).get("field").asText()).isEqualTo("reason");
        ResponseEntity<String> disputed = post("lyclerk", "/api/remote-evaluations/" + id
                + "/compensation/confirmation", "{\"agree\":false,\"reason\":\"实到专家4名，按协议应为3200元\"}");
        assertThat(disputed.getStatusCode()).as(disputed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(disputed).get("compensation").decimalValue()).as("the compensation it answers")
                .isEqualByComparingTo(view("lyclerk", id).get("partners").get(0).get("compensation").decimalValue());
        JsonNode settlement = json(get("clerk", "/api/remote-evaluations/" + id + "/settlement"));
        JsonNode lySettled = settlement.get("partners").get(0);
        assertThat(lySettled.get("centre").asText()).isEqualTo("LY");
        assertThat(lySettled.get("answer").asText()).isEqualTo("DISPUTED");
        assertThat(lySettled.get("compensationAnswer").get("reason").asText()).isEqualTo("实到专家4名，按协议应为3200元");
        assertThat(lySettled.get("compensationAnswer").get("answeredBy").asText()).isEqualTo("lyclerk");
        assertThat(lySettled.get("recordsHandedBack").asLong()).isEqualTo(2);
        assertThat(settlement.get("partners").get(1).get("answer").asText()).isEqualTo("PENDING");
        assertThat(view("clerk", id).get("partners").get(0).get("compensationAnswer").get("agreed").asBoolean())
                .isFalse();

        // the lifecycle ends; the archive waits for NY's records (written once), then lists every record's hash
        at("2026-12-30T00:00:00");
        award(tenderId, rankOne(tenderId), null);
        completeTask(tenderId, "purchaser", "signContract");
        if (openTaskKeys(tenderId).contains("refundBonds")) {
            completeTask(tenderId, "finance", "refundBonds");
        }
        completeTask(tenderId, "purchaser", "reportToSupervisor");
        assertThat(status(tenderId)).isEqualTo("ARCHIVED");
        ResponseEntity<byte[]> early = bytes("clerk", "/api/tenders/" + tenderId + "/archive");
        assertThat(early.getStatusCode()).as("NY has not handed back").isEqualTo(HttpStatus.CONFLICT);
        handsBack("NY", id, "纸质评标资料1袋、音视频记录1段");
        ResponseEntity<String> agreed = post("nyclerk", "/api/remote-evaluations/" + id
                + "/compensation/confirmation", "{\"agree\":true}");
        assertThat(agreed.getStatusCode()).as(agreed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(get("clerk", "/api/remote-evaluations/" + id + "/settlement")).get("partners")
                .findValuesAsText("answer")).containsExactly("DISPUTED", "AGREED");

        ResponseEntity<byte[]> archive = bytes("clerk", "/api/tenders/" + tenderId + "/archive");
        assertThat(archive.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, byte[]> files = unzip(archive.getBody());
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        Map<String, String> hashes = new LinkedHashMap<>();
        manifest.get("files").forEach(f -> hashes.put(f.get("path").asText(), f.get("sha256").asText()));
        String folder = "remote/" + id + "/";
        JsonNode listed = JSON.readTree(files.get(folder + "records.json"));
        assertThat(listed).hasSize(3);
        assertThat(listed.findValuesAsText("centre")).containsExactly("LY", "LY", "NY");
        for (JsonNode r : listed) {
            String path = r.get("path").asText();
            assertThat(path).startsWith(folder + "records/");
            assertThat(hashes.get(path)).as(path).isEqualTo(r.get("sha256").asText());
            assertThat(Digests.sha256Hex(files.get(path))).isEqualTo(r.get("sha256").asText());
        }
        String videoPath = folder + "records/" + record.get("id").asText() + "-洛阳评标室录像.mp4";
        assertThat(files.get(videoPath)).isEqualTo(video);
        assertThat(hashes.get(videoPath)).isEqualTo(Digests.sha256Hex(video));
        assertThat(json(get("supervisor", "/api/tenders/" + tenderId + "/archive/verification")).get("intact")
                .asBoolean()).isTrue();

        // a recording altered in a copy of the archive: verification names it
        Map<String, byte[]> altered = new LinkedHashMap<>(files);
        altered.put(videoPath, "另一段录像 another recording".getBytes(StandardCharsets.UTF_8));
        JsonNode tampered = verifyCopy(zip(altered));
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("problems").findValuesAsText("path")).containsExactly(videoPath);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private String rankOne(String tenderId) {
        return bids(tenderId).entrySet().stream().filter(b -> b.getValue().path("candidateRank").asInt() == 1)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }


    private JsonNode verifyCopy(byte[] zip) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("supervisor", "supervisor");
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        ResponseEntity<String> response = http.exchange("/api/archive-verifications", HttpMethod.POST,
                new HttpEntity<>(zip, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }


}
