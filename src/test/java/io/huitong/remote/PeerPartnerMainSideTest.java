package io.huitong.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.huitong.interconnect.OutboxDelivery;
import io.huitong.support.PeerPlatform;
import io.huitong.support.RemoteTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The main side of a partner on another platform: the same remote-evaluation model asks it by a signed message, and
 * its signed answers complete the steps its clerks would complete in a partner of this deployment — acting as the
 * platform's own identity, which sees and does only that centre's steps.
 */
@TestPropertySource(properties = "huitong.interconnect.centre=ZZ")
class PeerPartnerMainSideTest extends RemoteTest {

    static final String PEER = "SX";

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    RemoteArchive archive;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static final ObjectMapper mapper = new ObjectMapper();
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    static HttpServer server;
    static ECKey key;
    /** The key SX signs with now: it rotates mid-evaluation in one test, and keeps the new one after. */
    static ECKey signing;

    /** SX's platform, as far as this test sees it: an endpoint on a loopback port that keeps what it is sent. */
    @BeforeAll
    static void peerPlatform() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("sx-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/interconnect/messages", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                received.add(mapper.readTree(JWSObject.parse(body).getPayload().toString()));
            } catch (java.text.ParseException e) {
                throw new java.io.IOException(e);
            }
            x.sendResponseHeaders(202, -1);
            x.close();
        });
        server.start();
    }

    @AfterAll
    static void peerPlatformDown() {
        server.stop(0);
    }

    /** SX is a centre of another province with its own platform: a centre here, a peer, an agreement with ZZ. */
    @BeforeEach
    void peerCentre() {
        if (json(get("demo", "/api/peers")).findValuesAsText("centreCode").contains(PEER)) {
            return;
        }
        ok(post("demo", "/engine-rest/group/create", """
                {"id": "centre-sx", "name": "陕西省公共资源交易中心 (peer)", "type": "WORKFLOW"}"""));
        ok(post("demo", "/api/centres", """
                {"code": "SX", "name": "陕西省公共资源交易中心", "regionCode": "610000", "groupId": "centre-sx"}"""));
        ok(post("demo", "/api/centre-agreements", """
                {"mainCentre": "ZZ", "partnerCentre": "SX", "priority": 9, "feePerSession": 3000.00,
                 "feePerExpert": 400.00, "validFrom": "2026-01-01", "terms": "豫陕远程异地评标协作协议"}"""));
        ok(post("demo", "/api/peers", """
                {"centreCode": "SX", "name": "陕西省公共资源交易平台", "baseUrl": "http://127.0.0.1:%d",
                 "agreement": "豫陕远程异地评标协作协议", "keys": [%s]}""".formatted(server.getAddress().getPort(),
                key.toPublicJWK().toJSONString())));
    }

    @Test
    void the_peer_is_asked_by_a_signed_request_with_the_avoidance_facts_and_its_signed_answer_completes_its_step() {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        ResponseEntity<String> planned = plan(evaluationId, 5, "\"SX\"");
        assertThat(planned.getStatusCode()).as(planned.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        delivery.deliverDue();

        JsonNode request = received.stream().filter(m -> m.path("type").asText().equals("remote.request"))
                .filter(m -> m.path("subject").asText().equals(evaluationId)).findFirst().orElseThrow();
        JsonNode body = request.path("body");
        assertThat(body.path("expertSeats").asInt()).isPositive();
        assertThat(body.path("avoidance").path("bidders")).hasSize(3);
        assertThat(body.path("avoidance").path("context").path("purchaserId").asText()).isEqualTo(TENDERER);
        assertThat(body.toString()).as("no bid's price or file crosses").doesNotContain("48000000");

        // SX's clerk accepts on SX's own platform; SX's answer arrives signed
        ResponseEntity<String> applied = deliver(sign("remote.answer", evaluationId, Map.of("accepted", true,
                "venue", Map.of("id", "sx-venue-1", "name", "西安远程评标室", "seats", 8), "answeredBy", "sxclerk")));
        assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(202);
        JsonNode view = view("clerk", evaluationId);
        JsonNode sx = null;
        for (JsonNode p : view.path("partners")) {
            if (p.path("centre").asText().equals(PEER)) {
                sx = p;
            }
        }
        assertThat(sx).as(view.toString()).isNotNull();
        assertThat(sx.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(sx.path("venueId").asText()).isEqualTo("sx-venue-1");
        assertThat(jdbc.sql("select answered_by from remote_partner where evaluation_id = ? and centre_code = ?")
                .params(evaluationId, PEER).query(String.class).single())
                .as("answered by the peer platform's identity").isEqualTo("peer-SX");
    }

    @Test
    void the_committee_is_drawn_jointly_each_side_from_its_own_pool_and_both_sides_get_the_same_committee()
            throws Exception {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        // two partner venues (Henan's policy): Luoyang on this platform, SX on its own; on the draw's day the main
        // side commits its pool and share, and asks SX for its own
        JsonNode commit = drawDayWithSx(evaluationId, "sx-venue-2");
        int drawNo = commit.path("drawNo").asInt();
        assertThat(commit.path("venueId").asText()).isEqualTo("sx-venue-2");
        int seats = commit.path("seats").asInt();
        assertThat(seats).isPositive();
        assertThat(view("clerk", evaluationId).path("seats")).as("nobody is seated before the reveals").isEmpty();

        // SX, on its own platform, runs its avoidance rules on its own pool and commits its snapshot and share
        String sxSnapshot = VerifiableDraw.text(new VerifiableDraw.Snapshot(evaluationId, drawNo, "COMMITTEE",
                commit.path("evaluationDay").asText(), commit.path("speciality").asText(), List.of(
                        new VerifiableDraw.Group("sx-venue-2", PEER, seats, List.of("sx-e1", "sx-e2", "sx-e3",
                                "sx-e4", "sx-e5")))));
        String sxShare = VerifiableDraw.newSeed(new java.security.SecureRandom());
        JointDraw.Reveal sx = new JointDraw.Reveal(PEER, drawNo, sxSnapshot, sxShare);
        // a reveal before both commitments are held is refused
        assertThat(deliver(sign("remote.draw-reveal", evaluationId, Map.of("drawNo", drawNo, "snapshot", sxSnapshot,
                "share", sxShare))).getStatusCode().value()).isEqualTo(422);
        assertThat(deliver(sign("remote.draw-commit", evaluationId, Map.of("drawNo", drawNo, "poolHash",
                sx.commitment().poolHash(), "shareHash", sx.commitment().shareHash()))).getStatusCode().value())
                .isEqualTo(202);
        // a second, different commitment for the same draw is equivocation
        assertThat(deliver(sign("remote.draw-commit", evaluationId, Map.of("drawNo", drawNo, "poolHash",
                sx.commitment().poolHash(), "shareHash", VerifiableDraw.commitment(sxShare + "")
                        .replace('a', 'b')))).getStatusCode().value()).isEqualTo(422);

        // holding both commitments, the main side reveals its part
        delivery.deliverDue();
        JsonNode mainReveal = only("remote.draw-reveal", evaluationId).path("body");
        JointDraw.Reveal main = new JointDraw.Reveal("ZZ", drawNo, mainReveal.path("snapshot").asText(),
                mainReveal.path("share").asText());
        assertThat(main.commitment().poolHash()).isEqualTo(commit.path("poolHash").asText());
        assertThat(main.commitment().shareHash()).as("the seed committed when the evaluation was planned")
                .isEqualTo(commit.path("shareHash").asText());

        // a reveal that is not the committed share is refused; the true one completes the draw
        assertThat(deliver(sign("remote.draw-reveal", evaluationId, Map.of("drawNo", drawNo, "snapshot", sxSnapshot,
                "share", VerifiableDraw.newSeed(new java.security.SecureRandom())))).getStatusCode().value())
                .isEqualTo(422);
        assertThat(deliver(sign("remote.draw-reveal", evaluationId, Map.of("drawNo", drawNo, "snapshot", sxSnapshot,
                "share", sxShare))).getStatusCode().value()).isEqualTo(202);
        runDueJobs();

        Map<String, List<String>> expected = JointDraw.draw(List.of(main, sx), List.of(main.commitment(),
                sx.commitment()));
        JsonNode view = view("clerk", evaluationId);
        assertThat(view.path("status").asText()).isEqualTo("PREPARING");
        assertThat(view.path("seats").findValuesAsText("userId")).as("sealed until sign-in").containsOnly("null");
        List<String> sxUsers = jdbc.sql("select user_id from remote_seat where evaluation_id = ? and centre_code = ? "
                + "order by seq").params(evaluationId, PEER).query(String.class).list();
        assertThat(sxUsers).as("SX's seats are SX's own experts, as SX computes them too")
                .containsExactlyElementsOf(expected.get("sx-venue-2").stream().map(id -> "peer-SX." + id).toList());
        // SX witnessed its experts' sign-in on its own platform before every venue here is prepared: too early,
        // delivered again later (not refused, not lost)
        ResponseEntity<String> early = deliver(sign("remote.signed-in", evaluationId, Map.of("expertRef",
                expected.get("sx-venue-2").get(0), "name", "专家")));
        assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(503);
        prepare("ZZ", evaluationId, venue("ZZ"));
        prepare("LY", evaluationId, venue("LY"));
        assertThat(deliver(sign("remote.venue-ready", evaluationId, Map.of("venueId", "sx-venue-2", "seatsReady", seats,
                "linkCheck", "OK"))).getStatusCode().value()).isEqualTo(202);
        // then its messages seat them here with their names
        for (String expertRef : expected.get("sx-venue-2")) {
            ResponseEntity<String> signed = deliver(sign("remote.signed-in", evaluationId, Map.of("expertRef",
                    expertRef, "name", "专家" + expertRef, "witnessedBy", "sxclerk")));
            assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(202);
        }
        assertThat(deliver(sign("remote.signed-in", evaluationId, Map.of("expertRef", "not-drawn", "name", "某人")))
                .getStatusCode().value()).as("a seat SX was not drawn for").isEqualTo(422);
        List<String> statuses = jdbc.sql("select status from remote_seat where evaluation_id = ? and centre_code = ?")
                .params(evaluationId, PEER).query(String.class).list();
        assertThat(statuses).containsOnly("SIGNED_IN");
        assertThat(json(get("clerk", "/api/tenders/" + tenderId + "/committee")).toString())
                .contains("专家" + expected.get("sx-venue-2").get(0));

        // records before the evaluation is confirmed: early, kept by SX and delivered again later
        ResponseEntity<String> records = deliver(sign("remote.records", evaluationId, Map.of("note", "签到表",
                "records", List.of())));
        assertThat(records.getStatusCode().value()).as(records.getBody()).isEqualTo(503);

        // this platform's part (its own venue and Luoyang's) is drawn from this deployment's pool, the same way
        assertThat(expected.keySet()).contains(venue("ZZ"), venue("LY"));
        JsonNode verified = json(get("supervisor", "/api/remote-evaluations/" + evaluationId + "/draws/"
                + view.path("draws").get(0).path("id").asText() + "/verification"));
        assertThat(verified.path("sameResult").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void a_peer_partners_experts_score_and_sign_on_their_platform_and_the_evaluation_runs_to_settlement()
            throws Exception {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        JsonNode commit = drawDayWithSx(evaluationId, "sx-venue-3");
        int drawNo = commit.path("drawNo").asInt();
        int seats = commit.path("seats").asInt();
        String sxSnapshot = VerifiableDraw.text(new VerifiableDraw.Snapshot(evaluationId, drawNo, "COMMITTEE",
                commit.path("evaluationDay").asText(), commit.path("speciality").asText(), List.of(
                        new VerifiableDraw.Group("sx-venue-3", PEER, seats, List.of("sx-a", "sx-b", "sx-c")))));
        String sxShare = VerifiableDraw.newSeed(new java.security.SecureRandom());
        JointDraw.Reveal sx = new JointDraw.Reveal(PEER, drawNo, sxSnapshot, sxShare);
        deliver(sign("remote.draw-commit", evaluationId, Map.of("drawNo", drawNo, "poolHash",
                sx.commitment().poolHash(), "shareHash", sx.commitment().shareHash())));
        delivery.deliverDue();
        assertThat(deliver(sign("remote.draw-reveal", evaluationId, Map.of("drawNo", drawNo, "snapshot", sxSnapshot,
                "share", sxShare))).getStatusCode().value()).isEqualTo(202);
        runDueJobs();
        List<String> sxExperts = jdbc.sql("select user_id from remote_seat where evaluation_id = ? and centre_code = ? "
                + "order by seq").params(evaluationId, PEER).query(String.class).list().stream()
                .map(u -> u.substring("peer-SX.".length())).toList();

        prepare("ZZ", evaluationId, venue("ZZ"));
        prepare("LY", evaluationId, venue("LY"));
        deliver(sign("remote.venue-ready", evaluationId, Map.of("venueId", "sx-venue-3", "seatsReady", seats,
                "linkCheck", "OK")));
        for (String ref : sxExperts) {
            assertThat(deliver(sign("remote.signed-in", evaluationId, Map.of("expertRef", ref, "name", "专家" + ref)))
                    .getStatusCode().value()).isEqualTo(202);
        }
        ResponseEntity<String> twice = deliver(sign("remote.signed-in", evaluationId, Map.of("expertRef",
                sxExperts.get(0), "name", "专家")));
        assertThat(twice.getStatusCode().value()).as("signed in already: refused, not retried").isEqualTo(422);
        signInAll(evaluationId);
        assertThat(chairOf(tenderId)).as("an expert sitting on another platform never chairs").doesNotStartWith("peer-");

        // mid-evaluation SX rotates its key: announced under the old one, then it signs with the new, then the old
        // one retires and is refused from then on
        ECKey next = new ECKeyGenerator(Curve.P_256).keyID("sx-2").generate();
        assertThat(deliver(sign("interconnect.key-added", null, Map.of("jwk", next.toPublicJWK().toJSONObject())))
                .getStatusCode().value()).isEqualTo(202);
        signing = next;
        assertThat(deliver(sign("interconnect.key-retired", null, Map.of("keyId", key.getKeyID())))
                .getStatusCode().value()).isEqualTo(202);
        reviewed(tenderId);

        // scoring opened: SX is sent its experts' sheets; the local members score here, SX's experts there
        received.clear();
        delivery.deliverDue();
        List<JsonNode> sheets = received.stream().filter(m -> m.path("type").asText().equals("remote.scoring"))
                .toList();
        assertThat(sheets).hasSize(sxExperts.size());
        JsonNode sheet = sheets.get(0).path("body");
        assertThat(sheet.path("bids")).hasSize(3);
        assertThat(sheet.toString()).as("no price crosses").doesNotContain("48000000");
        List<String> local = members(tenderId).stream().filter(m -> !m.startsWith("peer-")).toList();
        scoredBy(tenderId, local);
        Map<String, Object> scores = new LinkedHashMap<>();
        List<JsonNode> valid = bids(tenderId).values().stream().filter(b -> b.get("status").asText().equals("VALID"))
                .toList();
        for (int i = 0; i < valid.size(); i++) {
            scores.put(valid.get(i).get("id").asText(), 50 - i);
        }
        for (String ref : sxExperts) {
            ResponseEntity<String> scored = deliver(sign("remote.scores", evaluationId, Map.of("expertRef", ref,
                    "scores", scores)));
            assertThat(scored.getStatusCode().value()).as(scored.getBody()).isEqualTo(202);
        }
        runDueJobs();

        // the report: SX's experts sign there
        received.clear();
        delivery.deliverDue();
        assertThat(received.stream().filter(m -> m.path("type").asText().equals("remote.report"))).hasSize(
                sxExperts.size());
        signedBy(tenderId, members(tenderId).stream().filter(m -> !m.startsWith("peer-")).toList());
        for (String ref : sxExperts) {
            assertThat(deliver(sign("remote.signature", evaluationId, Map.of("expertRef", ref, "agree", true)))
                    .getStatusCode().value()).isEqualTo(202);
        }
        runDueJobs();

        // confirmed: SX hears; its records come back with their hashes; the compensation is settled and told
        received.clear();
        confirmed(evaluationId);
        delivery.deliverDue();
        assertThat(received.stream().filter(m -> m.path("type").asText().equals("remote.confirmed"))).hasSize(1);
        byte[] video = "SX session video".getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(sign("remote.records", evaluationId, Map.of("note", "签到表1份，音视频1份", "records",
                List.of(Map.of("name", "session.mp4", "contentType", "video/mp4", "sha256", "0".repeat(64),
                        "content", java.util.Base64.getEncoder().encodeToString(video)))))).getStatusCode().value())
                .as("a record that is not its hash").isEqualTo(422);
        ResponseEntity<String> handedBack = deliver(sign("remote.records", evaluationId, Map.of("note",
                "签到表1份，音视频1份", "records", List.of(Map.of("name", "session.mp4", "contentType", "video/mp4",
                        "sha256", io.huitong.shared.Digests.sha256Hex(video), "content",
                        java.util.Base64.getEncoder().encodeToString(video))))));
        assertThat(handedBack.getStatusCode().value()).as(handedBack.getBody()).isEqualTo(202);
        handsBack("LY", evaluationId, "签到表");
        runDueJobs();
        received.clear();
        delivery.deliverDue();
        JsonNode settled = received.stream().filter(m -> m.path("type").asText().equals("remote.settled"))
                .findFirst().orElseThrow();
        assertThat(new java.math.BigDecimal(settled.path("body").path("compensation").asText()))
                .as("3000 per session + 400 per expert who sat").isEqualByComparingTo(
                        new java.math.BigDecimal(3000 + 400 * sxExperts.size()));
        assertThat(view("clerk", evaluationId).path("status").asText()).isEqualTo("SETTLED");

        signing = key;
        assertThat(deliver(sign("remote.signed-in", evaluationId, Map.of("expertRef", "x", "name", "x")))
                .getStatusCode().value()).as("signed with the retired key").isEqualTo(401);
        signing = next;

        // the tender's archive keeps every message exchanged, signed, with the keys that verify each on its own
        Map<String, byte[]> files = archive.files(tenderId);
        String folder = "remote/" + evaluationId + "/messages/";
        JsonNode keyring = mapper.readTree(files.get(folder + "keys.json"));
        com.nimbusds.jose.jwk.JWKSet self = com.nimbusds.jose.jwk.JWKSet.parse(keyring.path("self").toString());
        JsonNode sent = mapper.readTree(files.get(folder + "sent.json"));
        JsonNode got = mapper.readTree(files.get(folder + "received.json"));
        assertThat(sent.size()).as("request, draw, sheets, reports, confirmation, settlement").isGreaterThan(6);
        assertThat(got.size()).isGreaterThan(6);
        for (JsonNode m : sent) {
            JWSObject jws = JWSObject.parse(m.path("signed").asText());
            assertThat(jws.verify(new com.nimbusds.jose.crypto.ECDSAVerifier((ECKey) self.getKeyByKeyId(
                    jws.getHeader().getKeyID())))).as(m.path("type").asText()).isTrue();
        }
        Map<String, ECKey> sxKeys = new LinkedHashMap<>();
        for (JsonNode k : keyring.path("peers").path(PEER)) {
            ECKey parsed = ECKey.parse(k.toString());
            sxKeys.put(parsed.getKeyID(), parsed);
        }
        assertThat(sxKeys).as("both of SX's keys, the retired one too").containsKeys("sx-1", "sx-2");
        for (JsonNode m : got) {
            JWSObject jws = JWSObject.parse(m.path("signed").asText());
            assertThat(jws.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(sxKeys.get(jws.getHeader().getKeyID()))))
                    .as(m.path("type").asText()).isTrue();
        }
        List<io.huitong.archive.ArchiveVerification.Problem> problems = new java.util.ArrayList<>();
        assertThat(archive.check(files, problems)).as("the package's own check: every signature")
                .isEqualTo(sent.size() + got.size());
        assertThat(problems).isEmpty();
        Map<String, byte[]> altered = new LinkedHashMap<>(files);
        altered.put(folder + "received.json", new String(files.get(folder + "received.json"),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"from\" : \"" + PEER + "\"", "\"from\" : \"HN\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(archive.check(altered, problems)).as("a message claimed for another sender").isLessThan(got.size());
        assertThat(problems).isNotEmpty();

        // the package's keys swapped: an RSA key under SX's key id is a problem, not a failure of the check; a key
        // the platform does not know for SX verifies nothing, even when the message is re-signed with it
        String firstKid = JWSObject.parse(got.get(0).path("signed").asText()).getHeader().getKeyID();
        com.fasterxml.jackson.databind.node.ObjectNode ring = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(files.get(folder + "keys.json"));
        com.fasterxml.jackson.databind.node.ArrayNode swapped = mapper.createArrayNode();
        swapped.add(mapper.readTree(new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(firstKid).generate()
                .toPublicJWK().toJSONString()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) ring.path("peers")).set(PEER, swapped);
        Map<String, byte[]> rsa = new LinkedHashMap<>(files);
        rsa.put(folder + "keys.json", mapper.writeValueAsBytes(ring));
        problems.clear();
        assertThat(archive.check(rsa, problems)).as("only what this centre sent").isEqualTo(sent.size());
        assertThat(problems).isNotEmpty();

        ECKey stranger = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(firstKid).generate();
        JWSObject original = JWSObject.parse(got.get(0).path("signed").asText());
        JWSObject resigned = new JWSObject(original.getHeader(), original.getPayload());
        resigned.sign(new com.nimbusds.jose.crypto.ECDSASigner(stranger));
        com.fasterxml.jackson.databind.node.ArrayNode strangers = mapper.createArrayNode();
        strangers.add(mapper.readTree(stranger.toPublicJWK().toJSONString()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) ring.path("peers")).set(PEER, strangers);
        com.fasterxml.jackson.databind.node.ArrayNode gotResigned = (com.fasterxml.jackson.databind.node.ArrayNode)
                mapper.readTree(files.get(folder + "received.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) gotResigned.get(0)).put("signed", resigned.serialize());
        Map<String, byte[]> resignedFiles = new LinkedHashMap<>(files);
        resignedFiles.put(folder + "keys.json", mapper.writeValueAsBytes(ring));
        resignedFiles.put(folder + "received.json", mapper.writeValueAsBytes(gotResigned));
        problems.clear();
        archive.check(resignedFiles, problems);
        assertThat(problems).extracting(io.huitong.archive.ArchiveVerification.Problem::problem)
                .anyMatch(p -> p.contains("not one this platform knows"));
        // SX keeps signing with its new key in this context's other tests
    }

    @Test
    void a_partner_may_not_give_itself_more_seats_or_another_venue_in_the_draw() throws Exception {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        JsonNode commit = drawDayWithSx(evaluationId, "sx-venue-4");
        int drawNo = commit.path("drawNo").asInt();
        // SX's snapshot claims one seat more than the main centre gave it
        String greedy = VerifiableDraw.text(new VerifiableDraw.Snapshot(evaluationId, drawNo, "COMMITTEE",
                commit.path("evaluationDay").asText(), commit.path("speciality").asText(), List.of(
                        new VerifiableDraw.Group("sx-venue-4", PEER, commit.path("seats").asInt() + 1,
                                List.of("g1", "g2", "g3", "g4")))));
        String share = VerifiableDraw.newSeed(new java.security.SecureRandom());
        JointDraw.Reveal sx = new JointDraw.Reveal(PEER, drawNo, greedy, share);
        deliver(sign("remote.draw-commit", evaluationId, Map.of("drawNo", drawNo, "poolHash",
                sx.commitment().poolHash(), "shareHash", sx.commitment().shareHash())));
        delivery.deliverDue();
        ResponseEntity<String> refused = deliver(sign("remote.draw-reveal", evaluationId, Map.of("drawNo", drawNo,
                "snapshot", greedy, "share", share)));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        runDueJobs();
        assertThat(view("clerk", evaluationId).path("seats")).as("nobody seated").isEmpty();
    }

    @Test
    void a_partner_that_withholds_its_part_of_the_draw_voids_it_on_record_and_the_main_centre_draws_again() {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        int drawNo = drawDayWithSx(evaluationId, "sx-venue-5").path("drawNo").asInt();

        // SX never commits: past the policy's hours the draw is void, on record against SX
        at("2026-12-22T11:00:01");
        assertThat(jdbc.sql("select result from expert_draw where evaluation_id = ? and draw_no = ?")
                .params(evaluationId, drawNo).query(String.class).single()).isEqualTo("{\"withheld\":[\"SX\"]}");
        assertThat(view("clerk", evaluationId).path("seats")).as("nobody seated").isEmpty();
        assertThat(json(get("clerk", "/engine-rest/task?processInstanceBusinessKey=" + tenderId))
                .findValuesAsText("taskDefinitionKey")).contains("widenPool");
        // a late commitment for the void draw is refused: it cannot set off the next one
        ResponseEntity<String> late = deliver(sign("remote.draw-commit", evaluationId, Map.of("drawNo", drawNo,
                "poolHash", "0".repeat(64), "shareHash", "0".repeat(64))));
        assertThat(late.getStatusCode().value()).isEqualTo(422);
    }

    /**
     * Planned with SX (on its own platform) and Luoyang as partners, both accepted, SX with that venue; the draw's
     * day reached. Returns the body of the commitment the main side sent SX.
     */
    private JsonNode drawDayWithSx(String evaluationId, String sxVenue) {
        assertThat(plan(evaluationId, 5, "\"SX\",\"LY\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        runDueJobs();
        assertThat(deliver(sign("remote.answer", evaluationId, Map.of("accepted", true, "venue", Map.of("id", sxVenue,
                "name", "西安远程评标室", "seats", 8)))).getStatusCode().value()).isEqualTo(202);
        runDueJobs();
        accepts("LY", evaluationId);
        received.clear();
        at("2026-12-22T09:00:00");
        delivery.deliverDue();
        return only("remote.draw-commit", evaluationId).path("body");
    }

    private JsonNode only(String type, String subject) {
        List<JsonNode> found = received.stream().filter(m -> m.path("type").asText().equals(type))
                .filter(m -> m.path("subject").asText().equals(subject)).toList();
        assertThat(found).as(type + " sent once").hasSize(1);
        return found.get(0);
    }

    @Test
    void a_peer_acts_only_on_its_own_requests() {
        String tenderId = remoteTender();
        String evaluationId = evaluationOf(tenderId);
        ResponseEntity<String> planned = plan(evaluationId, 5, null);
        assertThat(planned.getStatusCode()).as(planned.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();

        ResponseEntity<String> refused = deliver(sign("remote.answer", evaluationId, Map.of("accepted", true,
                "venue", Map.of("id", "sx-venue-1", "name", "西安远程评标室", "seats", 8))));
        assertThat(refused.getStatusCode().value()).as("SX was not asked in this evaluation").isEqualTo(422);
        assertThat(view("clerk", evaluationId).path("partners").findValuesAsText("status"))
                .doesNotContain("ACCEPTED");
    }

    private String sign(String type, String subject, Object body) {
        return PeerPlatform.signed(signing == null ? key : signing, PEER, "ZZ", type, subject, body);
    }

    private ResponseEntity<String> deliver(String signed) {
        return PeerPlatform.deliver(http, signed);
    }

    private void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }
}
