package io.huitong.archive;

import static io.huitong.support.RegistrationJson.xinyangGoods;
import static io.huitong.support.Zips.unzip;
import static io.huitong.support.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.support.LifecycleTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The archive of a tender whose lifecycle is over: one package of its documents, decisions, audit entries and
 * process history with a manifest of hashes, which verification checks file by file and against the platform's record.
 */
class ArchiveTest extends LifecycleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    ResponseEntity<byte[]> download(String user, String tenderId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return http.exchange("/api/tenders/" + tenderId + "/archive", HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);
    }

    JsonNode verify(byte[] zip) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("supervisor", "supervisor");
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        ResponseEntity<String> response = http.exchange("/api/archive-verifications", HttpMethod.POST,
                new HttpEntity<>(zip, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }



    /** A government procurement of goods in Xinyang from registration to archive. */
    String archivedTender() {
        String id = registerAndApprove(xinyangGoods().with("estimatedAmount", new BigDecimal("2500000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "2400000.00", null, "LARGE");
        bidAccepted(id, 2, "2450000.00", null, "SMALL");
        bidAccepted(id, 3, "2361800.00", null, "MEDIUM");
        assertThat(download("clerk", id).getStatusCode()).as("not over").isEqualTo(HttpStatus.CONFLICT);
        at("2026-12-21T09:30:00");
        committee(id);
        review(id);
        scoreAll(id, Map.of("投标人1", 50, "投标人2", 55, "投标人3", 52));
        signReport(id);
        at("2026-12-29T00:00:01");
        completeTask(id, "purchaser", "signContract");
        completeTask(id, "purchaser", "publishContract");
        completeTask(id, "purchaser", "fileContract");
        assertThat(status(id)).isEqualTo("ARCHIVED");
        return id;
    }

    @Test
    void an_archived_tender_is_packed_with_a_manifest_and_verifies_file_by_file() throws IOException {
        String id = archivedTender();
        assertThat(download("bidder", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<byte[]> response = download("clerk", id);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] zip = response.getBody();
        assertThat(download("supervisor", id).getBody()).as("written once").isEqualTo(zip);
        assertThat(response.getHeaders().getFirst("X-Archive-SHA256")).isEqualTo(io.huitong.shared.Digests.sha256Hex(zip));

        Map<String, byte[]> files = unzip(zip);
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("tenderId").asText()).isEqualTo(id);
        assertThat(manifest.get("files")).hasSize(files.size() - 1);
        manifest.get("files").forEach(f -> assertThat(io.huitong.shared.Digests.sha256Hex(files.get(f.get("path").asText())))
                .as(f.get("path").asText()).isEqualTo(f.get("sha256").asText()));
        assertThat(files.keySet()).contains("tender.json", "bids/bids.json", "audit/entries.json",
                "history/activities.json", "history/tasks.json", "publication/ocds-release-package.json",
                "opening/opening-record-round-1.json");
        assertThat(files.keySet().stream().filter(p -> p.startsWith("bids/sealed/"))).hasSize(3);
        String registration = files.keySet().stream().filter(p -> p.contains("-REGISTRATION-")).findFirst()
                .orElseThrow();
        assertThat(new String(files.get(registration), StandardCharsets.UTF_8)).contains("\"citation\"");
        assertThat(new String(files.get("history/activities.json"), StandardCharsets.UTF_8)).contains("archived");
        assertThat(JSON.readTree(files.get("audit/entries.json"))).isNotEmpty();

        JsonNode stored = json(get("supervisor", "/api/tenders/" + id + "/archive/verification"));
        assertThat(stored.get("intact").asBoolean()).isTrue();
        JsonNode copy = verify(zip);
        assertThat(copy.get("intact").asBoolean()).isTrue();
        assertThat(copy.get("packageMatchesRecord").asBoolean()).isTrue();

        // one decision altered: verification names the file
        Map<String, byte[]> altered = new LinkedHashMap<>(files);
        altered.put(registration, new String(files.get(registration), StandardCharsets.UTF_8)
                .replace("\"citation\"", "\"citation \"").getBytes(StandardCharsets.UTF_8));
        JsonNode tampered = verify(zip(altered));
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("problems").findValuesAsText("path")).containsExactly(registration);

        // a file removed, another added
        Map<String, byte[]> shuffled = new LinkedHashMap<>(files);
        shuffled.remove("audit/entries.json");
        shuffled.put("extra.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(verify(zip(shuffled)).get("problems").findValuesAsText("path"))
                .containsExactlyInAnyOrder("audit/entries.json", "extra.txt");

        // the altered file with a manifest rewritten to match: the platform's record of the manifest tells
        ObjectNode forged = (ObjectNode) manifest.deepCopy();
        forged.get("files").forEach(f -> {
            if (f.get("path").asText().equals(registration)) {
                ((ObjectNode) f).put("sha256", io.huitong.shared.Digests.sha256Hex(altered.get(registration)));
            }
        });
        altered.put("manifest.json", JSON.writeValueAsBytes(forged));
        JsonNode rewritten = verify(zip(altered));
        assertThat(rewritten.get("intact").asBoolean()).isFalse();
        assertThat(rewritten.get("manifestMatchesRecord").asBoolean()).isFalse();
        assertThat(rewritten.get("problems").findValuesAsText("path")).containsExactly("manifest.json");
    }

    @Test
    void what_is_not_an_archive_is_refused_with_the_field() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("supervisor", "supervisor");
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        ResponseEntity<String> response = http.exchange("/api/archive-verifications", HttpMethod.POST,
                new HttpEntity<>("not a zip".getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(response).get("violations").get(0).get("field").asText()).isEqualTo("package");
    }
}
