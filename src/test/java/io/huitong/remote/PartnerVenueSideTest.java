package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.huitong.interconnect.OutboxDelivery;
import io.huitong.support.ApiTest;
import io.huitong.support.PeerPlatform;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * This deployment as Luoyang's platform, the partner of a main centre on another platform (HN): the main centre's
 * signed request starts the partner's own process; Luoyang's clerks answer in their own API and Tasklist, and the
 * answer leaves signed with Luoyang's key; other centres' clerks see none of it; a withdrawal ends it.
 */
@TestPropertySource(properties = "huitong.interconnect.centre=LY")
class PartnerVenueSideTest extends ApiTest {

    static final String MAIN = "HN";
    static final ObjectMapper mapper = new ObjectMapper();
    static final List<String> received = new CopyOnWriteArrayList<>();
    static HttpServer server;
    static ECKey key;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The main centre's platform: a loopback endpoint that keeps what Luoyang sends it. */
    @BeforeAll
    static void mainPlatform() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("hn-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/interconnect/messages", x -> {
            received.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(202, -1);
            x.close();
        });
        server.start();
    }

    @AfterAll
    static void mainPlatformDown() {
        server.stop(0);
    }

    @BeforeEach
    void mainIsAPeer() {
        if (!json(get("demo", "/api/peers")).findValuesAsText("centreCode").contains(MAIN)) {
            ResponseEntity<String> registered = post("demo", "/api/peers", """
                    {"centreCode": "HN", "name": "河南省公共资源交易平台", "baseUrl": "http://127.0.0.1:%d",
                     "keys": [%s]}""".formatted(server.getAddress().getPort(), key.toPublicJWK().toJSONString()));
            assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        }
    }

    @Test
    void the_request_starts_the_partners_process_its_clerk_accepts_and_the_answer_leaves_signed() throws Exception {
        String evaluation = UUID.randomUUID().toString();
        assertThat(deliver(request(evaluation, 3)).getStatusCode().value()).isEqualTo(202);

        JsonNode engagement = engagement("lyclerk", evaluation);
        assertThat(engagement.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(engagement.path("expertSeats").asInt()).isEqualTo(3);
        String id = engagement.path("id").asText();
        JsonNode tasks = json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id));
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("answerRequest");
        assertThat(json(get("nyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id))).as("not Nanyang's")
                .isEmpty();
        assertThat(post("nyclerk", "/api/partner-engagements/" + id + "/answer",
                "{\"accept\":true,\"venueId\":\"x\"}").getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> tooSmall = post("lyclerk", "/api/partner-engagements/" + id + "/answer",
                "{\"accept\":false}");
        assertThat(tooSmall.getStatusCode().value()).as("a refusal gives reasons").isEqualTo(422);
        ResponseEntity<String> answered = post("lyclerk", "/api/partner-engagements/" + id + "/answer",
                "{\"accept\":true,\"venueId\":\"" + venue("LY") + "\"}");
        assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(204);
        assertThat(engagement("lyclerk", evaluation).path("status").asText()).isEqualTo("ACCEPTED");

        received.clear();
        delivery.deliverDue();
        assertThat(received).hasSize(1);
        JWSObject jws = JWSObject.parse(received.get(0));
        JWKSet published = JWKSet.parse(get(null, "/interconnect/jwks.json").getBody());
        assertThat(jws.verify(new ECDSAVerifier((ECKey) published.getKeyByKeyId(jws.getHeader().getKeyID()))))
                .as("signed with Luoyang's published key").isTrue();
        JsonNode answer = mapper.readTree(jws.getPayload().toString());
        assertThat(answer.path("type").asText()).isEqualTo("remote.answer");
        assertThat(answer.path("from").asText()).isEqualTo("LY");
        assertThat(answer.path("subject").asText()).isEqualTo(evaluation);
        assertThat(answer.path("body").path("venue").path("id").asText()).isEqualTo(venue("LY"));
        assertThat(answer.path("body").path("answeredBy").asText()).isEqualTo("lyclerk");
        assertThat(json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id))).as("waiting for the draw")
                .isEmpty();
    }

    @Test
    void the_partner_draws_its_seats_from_its_own_pool_jointly_then_prepares_its_venue() throws Exception {
        String evaluation = UUID.randomUUID().toString();
        assertThat(deliver(request(evaluation, 2)).getStatusCode().value()).isEqualTo(202);
        String id = engagement("lyclerk", evaluation).path("id").asText();
        assertThat(post("lyclerk", "/api/partner-engagements/" + id + "/answer", "{\"accept\":true,\"venueId\":\""
                + venue("LY") + "\"}").getStatusCode().value()).isEqualTo(204);
        delivery.deliverDue();
        received.clear();

        // the main centre commits its part and asks Luoyang to commit its own
        String mainSnapshot = io.huitong.remote.VerifiableDraw.text(new VerifiableDraw.Snapshot(evaluation, 1,
                "COMMITTEE", "2026-12-23", "房屋建筑工程", List.of(new VerifiableDraw.Group("hn-venue", MAIN, 3,
                        List.of("hn-e1", "hn-e2", "hn-e3", "hn-e4")))));
        String mainShare = VerifiableDraw.newSeed(new java.security.SecureRandom());
        JointDraw.Reveal main = new JointDraw.Reveal(MAIN, 1, mainSnapshot, mainShare);
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("drawNo", 1);
        commit.put("purpose", "COMMITTEE");
        commit.put("poolHash", main.commitment().poolHash());
        commit.put("shareHash", main.commitment().shareHash());
        commit.put("evaluationDay", "2026-12-23");
        commit.put("speciality", "房屋建筑工程");
        commit.put("venueId", venue("LY"));
        commit.put("seats", 2);
        ResponseEntity<String> committed = deliver(sign("remote.draw-commit", evaluation, commit));
        assertThat(committed.getStatusCode().value()).as(committed.getBody()).isEqualTo(202);

        // Luoyang commits and, holding both commitments, reveals at once: in that order
        delivery.deliverDue();
        assertThat(received).hasSize(2);
        JsonNode lyCommit = mapper.readTree(JWSObject.parse(received.get(0)).getPayload().toString());
        JsonNode lyReveal = mapper.readTree(JWSObject.parse(received.get(1)).getPayload().toString());
        assertThat(lyCommit.path("type").asText()).isEqualTo("remote.draw-commit");
        assertThat(lyReveal.path("type").asText()).isEqualTo("remote.draw-reveal");
        JointDraw.Reveal ly = new JointDraw.Reveal("LY", 1, lyReveal.path("body").path("snapshot").asText(),
                lyReveal.path("body").path("share").asText());
        assertThat(JointDraw.verifyReveal(new JointDraw.Commitment("LY", 1, lyCommit.path("body").path("poolHash")
                .asText(), lyCommit.path("body").path("shareHash").asText()), ly).holds()).isTrue();
        VerifiableDraw.Snapshot lyPart = mapper.readValue(ly.snapshotText(), VerifiableDraw.Snapshot.class);
        assertThat(lyPart.groups()).singleElement().satisfies(g -> {
            assertThat(g.centreCode()).isEqualTo("LY");
            assertThat(g.seats()).isEqualTo(2);
            assertThat(g.candidates()).as("Luoyang's own experts, by id only").isNotEmpty();
        });

        // the main centre's reveal: the committee is drawn on both sides alike; Luoyang's seats are its own
        assertThat(deliver(sign("remote.draw-reveal", evaluation, Map.of("drawNo", 1, "snapshot", mainSnapshot,
                "share", mainShare))).getStatusCode().value()).isEqualTo(202);
        Map<String, List<String>> expected = JointDraw.draw(List.of(main, ly), List.of(main.commitment(),
                ly.commitment()));
        assertThat(jdbc.sql("select expert_id from partner_seat where engagement_id = ? order by seat_no").param(id)
                .query(String.class).list()).containsExactlyElementsOf(expected.get(venue("LY")));

        JsonNode tasks = json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id));
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("prepareVenue");
        received.clear();
        assertThat(post("lyclerk", "/api/partner-engagements/" + id + "/preparation",
                "{\"seatsReady\":2,\"linkCheck\":\"OK\"}").getStatusCode().value()).isEqualTo(204);
        delivery.deliverDue();
        JsonNode ready = mapper.readTree(JWSObject.parse(received.get(0)).getPayload().toString());
        assertThat(ready.path("type").asText()).isEqualTo("remote.venue-ready");
        assertThat(ready.path("body").path("seatsReady").asInt()).isEqualTo(2);

        // Luoyang's clerk witnesses its experts' sign-in against its own pool; the names go, the ID numbers stay
        received.clear();
        assertThat(post("lyclerk", "/api/partner-engagements/" + id + "/sign-ins", "{\"idNo\":\"110101190001010000\"}")
                .getStatusCode().value()).as("not a drawn expert").isEqualTo(422);
        for (String expertId : expected.get(venue("LY"))) {
            String idNo = jdbc.sql("select id_no from expert where id = ?").param(expertId).query(String.class)
                    .single();
            ResponseEntity<String> signed = post("lyclerk", "/api/partner-engagements/" + id + "/sign-ins",
                    "{\"idNo\":\"" + idNo + "\"}");
            assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(204);
        }
        delivery.deliverDue();
        assertThat(received).hasSize(2);
        for (String message : received) {
            JsonNode signedIn = mapper.readTree(JWSObject.parse(message).getPayload().toString());
            assertThat(signedIn.path("type").asText()).isEqualTo("remote.signed-in");
            assertThat(expected.get(venue("LY"))).contains(signedIn.path("body").path("expertRef").asText());
            assertThat(signedIn.path("body").path("name").asText()).isNotBlank();
            assertThat(signedIn.path("body").toString()).as("the ID number stays at Luoyang").doesNotContain("idNo");
        }
        assertThat(json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id)))
                .as("waiting for the main centre's committee").isEmpty();

        // the committee scores: Luoyang's experts score the bids the main centre sent, on this platform
        for (String expertId : expected.get(venue("LY"))) {
            assertThat(deliver(sign("remote.scoring", evaluation, Map.of("expertRef", expertId, "maxTechnicalScore",
                    "60", "bids", List.of(Map.of("bidId", "b1", "bidder", "投标人1"), Map.of("bidId", "b2", "bidder",
                            "投标人2"))))).getStatusCode().value()).isEqualTo(202);
        }
        received.clear();
        for (String expertId : expected.get(venue("LY"))) {
            String user = jdbc.sql("select user_id from expert where id = ?").param(expertId).query(String.class)
                    .single();
            assertThat(post(user, "/api/partner-engagements/" + id + "/scores", "{\"scores\":{\"b1\":50}}")
                    .getStatusCode().value()).as("every qualified bid is scored").isEqualTo(422);
            assertThat(post(user, "/api/partner-engagements/" + id + "/scores",
                    "{\"scores\":{\"b1\":50,\"b2\":61}}").getStatusCode().value()).as("within 60").isEqualTo(422);
            ResponseEntity<String> scored = post(user, "/api/partner-engagements/" + id + "/scores",
                    "{\"scores\":{\"b1\":50,\"b2\":45.5}}");
            assertThat(scored.getStatusCode().value()).as(scored.getBody()).isEqualTo(204);
        }
        assertThat(post("nyexpert1", "/api/partner-engagements/" + id + "/scores",
                "{\"scores\":{\"b1\":50,\"b2\":45}}").getStatusCode().value()).as("not an expert of this seat")
                .isEqualTo(403);
        delivery.deliverDue();
        assertThat(received).hasSize(2);
        JsonNode scores = mapper.readTree(JWSObject.parse(received.get(0)).getPayload().toString());
        assertThat(scores.path("type").asText()).isEqualTo("remote.scores");
        assertThat(scores.path("body").path("scores").path("b2").decimalValue()).isEqualByComparingTo("45.5");

        // and sign the report the main centre sent
        for (String expertId : expected.get(venue("LY"))) {
            assertThat(deliver(sign("remote.report", evaluation, Map.of("expertRef", expertId, "ranking",
                    List.of()))).getStatusCode().value()).isEqualTo(202);
        }
        received.clear();
        List<String> experts = expected.get(venue("LY"));
        String first = jdbc.sql("select user_id from expert where id = ?").param(experts.get(0)).query(String.class)
                .single();
        assertThat(post(first, "/api/partner-engagements/" + id + "/report/signature", "{\"agree\":false}")
                .getStatusCode().value()).as("a dissent gives reasons").isEqualTo(422);
        assertThat(post(first, "/api/partner-engagements/" + id + "/report/signature",
                "{\"agree\":false,\"dissent\":\"技术分偏离 / Scores diverge\"}").getStatusCode().value())
                .isEqualTo(204);
        String second = jdbc.sql("select user_id from expert where id = ?").param(experts.get(1)).query(String.class)
                .single();
        assertThat(post(second, "/api/partner-engagements/" + id + "/report/signature", null).getStatusCode().value())
                .isEqualTo(204);
        delivery.deliverDue();
        JsonNode signature = mapper.readTree(JWSObject.parse(received.get(0)).getPayload().toString());
        assertThat(signature.path("type").asText()).isEqualTo("remote.signature");
        assertThat(signature.path("body").path("agree").asBoolean()).isFalse();
        assertThat(json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id)))
                .as("waiting for the main centre's confirmation").isEmpty();

        // the main centre confirmed: Luoyang hands its records back, each with its hash
        assertThat(deliver(sign("remote.settled", evaluation, Map.of("compensation", "2600.00")))
                .getStatusCode().value()).as("settled before the records are handed back: early").isEqualTo(503);
        assertThat(deliver(sign("remote.confirmed", evaluation, Map.of("confirmedAt", "2026-12-23T08:00:00Z",
                "recordsDue", "2026-12-30T00:00+08:00"))).getStatusCode().value()).isEqualTo(202);
        assertThat(json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id))
                .findValuesAsText("taskDefinitionKey")).containsExactly("handBackRecords");
        assertThat(post("lyclerk", "/api/partner-engagements/" + id + "/hand-back", "{\"note\":\"签到表\"}")
                .getStatusCode().value()).as("no audio-video record yet").isEqualTo(422);
        byte[] video = "video of the session".getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("video/mp4"));
        headers.setBasicAuth("lyclerk", "lyclerk");
        ResponseEntity<String> uploaded = http.exchange("/api/partner-engagements/" + id + "/records?name=session.mp4",
                org.springframework.http.HttpMethod.POST, new HttpEntity<>(video, headers), String.class);
        assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(201);
        received.clear();
        assertThat(post("lyclerk", "/api/partner-engagements/" + id + "/hand-back",
                "{\"note\":\"签到表1份，音视频1份\"}").getStatusCode().value()).isEqualTo(204);
        delivery.deliverDue();
        JsonNode records = mapper.readTree(JWSObject.parse(received.get(0)).getPayload().toString());
        assertThat(records.path("type").asText()).isEqualTo("remote.records");
        JsonNode record = records.path("body").path("records").get(0);
        assertThat(record.path("sha256").asText()).isEqualTo(io.huitong.shared.Digests.sha256Hex(video));
        assertThat(java.util.Base64.getDecoder().decode(record.path("content").asText())).isEqualTo(video);

        assertThat(deliver(sign("remote.settled", evaluation, Map.of("compensation", "2600.00", "terms", "按协议")))
                .getStatusCode().value()).isEqualTo(202);
        assertThat(engagement("lyclerk", evaluation).path("status").asText()).isEqualTo("SETTLED");
        assertThat(json(get("demo", "/engine-rest/process-instance?businessKey=" + id))).as("the process ended")
                .isEmpty();

        // Luoyang's own archive of the engagement: written once it is over, and it verifies on its own
        ResponseEntity<byte[]> archive = bytes("lyclerk", "/api/partner-engagements/" + id + "/archive");
        assertThat(archive.getStatusCode().value()).isEqualTo(200);
        assertThat(bytes("nyclerk", "/api/partner-engagements/" + id + "/archive").getStatusCode().value())
                .as("not Nanyang's").isEqualTo(403);
        Map<String, byte[]> files = io.huitong.support.Zips.unzip(archive.getBody());
        assertThat(files).containsKeys("manifest.json", "engagement.json", "draw/seats.json", "records/records.json",
                "messages/sent.json", "messages/received.json", "messages/keys.json", "audit/entries.json",
                "history/tasks.json", "committee/scoring-sheet.json", "committee/report.json");
        assertThat(files.keySet()).anyMatch(p -> p.startsWith("draw/draw-"));
        assertThat(files.keySet()).anyMatch(p -> p.startsWith("records/") && p.endsWith("-session.mp4"));
        JsonNode draw = mapper.readTree(files.get(files.keySet().stream().filter(p -> p.startsWith("draw/draw-"))
                .findFirst().orElseThrow()));
        assertThat(draw.path("parties").findValuesAsText("centre")).containsExactlyInAnyOrder("HN", "LY");
        assertThat(mapper.readTree(files.get("messages/received.json")).findValuesAsText("type"))
                .contains("remote.request", "remote.confirmed", "remote.settled");
        assertThat(mapper.readTree(files.get("messages/sent.json")).findValuesAsText("type"))
                .contains("remote.answer", "remote.scores", "remote.records");
        JsonNode verified = json(get("lyclerk", "/api/partner-engagements/" + id + "/archive/verification"));
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("signaturesVerified").asInt()).as("every message either way")
                .isEqualTo(mapper.readTree(files.get("messages/sent.json")).size()
                        + mapper.readTree(files.get("messages/received.json")).size());

        // a copy whose message was swapped for another's payload, with the manifest rewritten to match: the
        // manifest cannot tell, the signature can
        JsonNode sent = mapper.readTree(files.get("messages/sent.json"));
        String[] one = sent.get(0).path("signed").asText().split("\\.");
        String[] other = sent.get(1).path("signed").asText().split("\\.");
        ((com.fasterxml.jackson.databind.node.ObjectNode) sent.get(0)).put("signed",
                one[0] + "." + other[1] + "." + one[2]);
        Map<String, byte[]> forged = new LinkedHashMap<>(files);
        forged.remove("manifest.json");
        forged.put("messages/sent.json", mapper.writeValueAsBytes(sent));
        com.fasterxml.jackson.databind.node.ObjectNode header = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(files.get("manifest.json"));
        header.remove("files");
        byte[] copy = io.huitong.archive.ArchiveZip.pack(mapper, header, forged, java.time.Instant.now()).zip();
        ResponseEntity<String> checked = postBytes("lyclerk", "/api/partner-engagements/archive-verifications",
                "application/zip", copy);
        assertThat(checked.getStatusCode().value()).as(checked.getBody()).isEqualTo(200);
        assertThat(json(checked).path("intact").asBoolean()).isFalse();
        assertThat(json(checked).path("problems").findValuesAsText("problem"))
                .anyMatch(p -> p.contains("the signature does not verify"))
                .anyMatch(p -> p.contains("the manifest differs from the one the platform recorded"));
        ResponseEntity<String> original = postBytes("lyclerk", "/api/partner-engagements/archive-verifications",
                "application/zip", archive.getBody());
        assertThat(json(original).path("intact").asBoolean()).as(original.getBody()).isTrue();
        assertThat(json(original).path("packageMatchesRecord").asBoolean()).isTrue();
        ResponseEntity<String> rezipped = postBytes("lyclerk", "/api/partner-engagements/archive-verifications",
                "application/zip", io.huitong.support.Zips.zip(files));
        assertThat(json(rezipped).path("manifestMatchesRecord").asBoolean()).isTrue();
        assertThat(json(rezipped).path("intact").asBoolean()).as("the same files in other bytes").isFalse();
    }

    @Test
    void a_refusal_with_reasons_ends_the_partners_process_and_tells_the_main_centre() throws Exception {
        String evaluation = UUID.randomUUID().toString();
        assertThat(deliver(request(evaluation, 2)).getStatusCode().value()).isEqualTo(202);
        String id = engagement("lyclerk", evaluation).path("id").asText();
        received.clear();
        assertThat(post("lyclerk", "/api/partner-engagements/" + id + "/answer",
                "{\"accept\":false,\"reason\":\"当日评标室已排满 / The venue is booked that day\"}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(engagement("lyclerk", evaluation).path("status").asText()).isEqualTo("REFUSED");
        assertThat(json(get("demo", "/engine-rest/process-instance?businessKey=" + id))).as("the process ended")
                .isEmpty();
        ResponseEntity<byte[]> early = bytes("lyclerk", "/api/partner-engagements/" + id + "/archive");
        assertThat(early.getStatusCode().value()).as("the refusal is still on its way").isEqualTo(409);
        delivery.deliverDue();
        JsonNode answer = mapper.readTree(JWSObject.parse(received.get(0)).getPayload().toString());
        assertThat(answer.path("body").path("accepted").asBoolean()).isFalse();
        JsonNode verified = json(get("lyclerk", "/api/partner-engagements/" + id + "/archive/verification"));
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("signaturesVerified").asInt()).as("the request and the refusal").isEqualTo(2);
        assertThat(answer.path("body").path("reason").asText()).contains("booked");
    }

    @Test
    void a_withdrawal_ends_the_open_step_and_a_bad_or_repeated_request_changes_nothing() {
        String evaluation = UUID.randomUUID().toString();
        assertThat(deliver(request(evaluation, 0)).getStatusCode().value()).as("no seats").isEqualTo(422);
        assertThat(json(get("lyclerk", "/api/partner-engagements")).findValuesAsText("evaluationRef"))
                .doesNotContain(evaluation);

        assertThat(deliver(request(evaluation, 2)).getStatusCode().value()).isEqualTo(202);
        assertThat(deliver(request(evaluation, 2)).getStatusCode().value()).as("one request per evaluation")
                .isEqualTo(422);
        String id = engagement("lyclerk", evaluation).path("id").asText();

        assertThat(deliver(sign("remote.withdrawn", evaluation, Map.of("reason", "逾期未答复 / No answer in time")))
                .getStatusCode().value()).isEqualTo(202);
        assertThat(engagement("lyclerk", evaluation).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(json(get("lyclerk", "/api/partner-engagements/" + id + "/archive/verification"))
                .path("intact").asBoolean()).as("archived when withdrawn").isTrue();
        assertThat(json(get("lyclerk", "/engine-rest/task?processInstanceBusinessKey=" + id))).isEmpty();
        assertThat(post("lyclerk", "/api/partner-engagements/" + id + "/answer", "{\"accept\":true,\"venueId\":\""
                + venue("LY") + "\"}").getStatusCode().value()).as("nothing left to answer").isEqualTo(409);
    }

    private String request(String evaluation, int seats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluationId", evaluation);
        body.put("mainCentre", MAIN);
        body.put("tender", Map.of("id", "t-1", "title", "某道路改造工程施工", "regime", "WORKS"));
        body.put("speciality", "房屋建筑工程");
        body.put("expertSeats", seats);
        body.put("evaluationStart", "2026-12-23T09:00+08:00");
        body.put("answerDue", "2026-12-22T09:30+08:00");
        body.put("avoidance", Map.of("context", Map.of("purchaserId", "12410100MB0000077X"), "bidders",
                List.of("91410100MA0000001X"), "relatedToBidders", List.of()));
        return sign("remote.request", evaluation, body);
    }

    private JsonNode engagement(String user, String evaluation) {
        for (JsonNode e : json(get(user, "/api/partner-engagements"))) {
            if (e.path("evaluationRef").asText().equals(evaluation)) {
                return e;
            }
        }
        throw new AssertionError("no engagement for " + evaluation);
    }

    private String venue(String centre) {
        for (JsonNode c : json(get("lyclerk", "/api/centres"))) {
            if (c.get("code").asText().equals(centre)) {
                return c.get("venues").get(0).get("id").asText();
            }
        }
        throw new AssertionError("no centre " + centre);
    }

    private String sign(String type, String subject, Object body) {
        return PeerPlatform.signed(key, MAIN, "LY", type, subject, body);
    }

    private ResponseEntity<String> deliver(String signed) {
        return PeerPlatform.deliver(http, signed);
    }
}
