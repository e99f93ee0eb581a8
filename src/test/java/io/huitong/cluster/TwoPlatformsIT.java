package io.huitong.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.support.LifecycleTest;
import io.huitong.support.RegistrationJson;
import io.huitong.support.SealedBid;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Two Huitong deployments as real processes (the packaged jar, each its own H2 file and port): Zhengzhou (ZZ) runs a
 * tender whose remote evaluation sits at Zhengzhou, at Nanyang (a partner on the same platform) and at Luoyang (LY),
 * which runs its own platform. Luoyang's clerk answers, prepares and witnesses in Luoyang's API; Luoyang's experts
 * score and sign there. Luoyang is killed (SIGKILL) during the evaluation and Zhengzhou during the settlement; after
 * the restarts every message is delivered once and the evaluation completes.
 */
class TwoPlatformsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void one_evaluation_across_two_platforms_survives_each_side_being_killed() throws Exception {
        Path root = Files.createTempDirectory("two-platforms");
        String[] common = {"--huitong.interconnect.retry-max=PT2S", "--huitong.interconnect.sweep-interval=PT0.5S"};
        Nodes at = new Nodes();
        at.zz = Node.start("zz", "demo,sandbox", null, root.resolve("zz"), with(common,
                "--huitong.interconnect.centre=ZZ"));
        at.ly = Node.start("ly", "demo,sandbox", null, root.resolve("ly"), with(common,
                "--huitong.interconnect.centre=LY"));
        try {
            at.zz.awaitReady(Duration.ofMinutes(3));
            at.ly.awaitReady(Duration.ofMinutes(3));
            connect(at.zz, "LY", at.ly);
            connect(at.ly, "ZZ", at.zz);

            // the tender at Zhengzhou, remote by Henan's policy; three bids, decrypted and opened at the deadline (the
            // sandbox clock only moves forward: the dates are after today)
            JsonNode created = ok(at.zz.post("purchaser", "/api/tenders", RegistrationJson.works()
                    .with("estimatedAmount", new BigDecimal("50000000.00"))
                    .with("budgetFunds", new BigDecimal("50000000.00"))
                    .with("totalInvestment", new BigDecimal("100000000.00"))
                    .with("documentIssueDate", "2026-12-15").with("bidDeadline", "2027-01-15T09:30:00+08:00")
                    .toString()));
            String tenderId = id(created);
            Map<String, String> approvers = Map.of("registration-clerk", "clerk", "centre-director", "director",
                    "supervisor", "supervisor", "finance-department", "finance", "project-approval-authority",
                    "approval");
            for (JsonNode group : created.path("decisions").path("approvalRoute")) {
                ok(at.zz.post(approvers.get(group.asText()), "/api/tenders/" + tenderId + "/approval",
                        "{\"approved\":true}"));
            }
            await("approved", () -> status(at.zz, tenderId).equals("APPROVED"));
            clock(at.zz, "2026-12-15T08:00:00+08:00");
            await("bidding", () -> status(at.zz, tenderId).equals("BIDDING"));
            Map<String, String> passwords = new LinkedHashMap<>();
            String[] prices = {"48000000.00", "47000000.00", "47613000.00"};
            for (int n = 1; n <= 3; n++) {
                String password = "口令-" + n;
                JsonNode bid = ok(at.zz.post("bidder" + n, "/api/tenders/" + tenderId + "/bids", """
                        {"bidderId":"%s","bidderName":"投标人%d","bond":null,"smeSize":"LARGE",
                         "legalRepresentative":"法定代表人%d","legalRepresentativeIdNo":null,"consortiumMembers":[],
                         "sealedFile":"%s"}""".formatted(LifecycleTest.bidderId(n), n, n, SealedBid.seal(
                        SealedBid.file(LifecycleTest.bidderId(n), n, prices[n - 1]), password))));
                passwords.put(bid.path("id").asText(), "bidder" + n + " " + password);
            }
            clock(at.zz, "2027-01-15T09:30:01+08:00");
            await("bids closed", () -> status(at.zz, tenderId).equals("CLOSED"));
            for (Map.Entry<String, String> bid : passwords.entrySet()) {
                String[] userAndPassword = bid.getValue().split(" ");
                ok(at.zz.post(userAndPassword[0], "/api/tenders/" + tenderId + "/bids/" + bid.getKey() + "/decryption",
                        "{\"password\":\"" + userAndPassword[1] + "\"}"));
            }
            clock(at.zz, "2027-01-15T09:31:00+08:00");
            await("opened, evaluating", () -> status(at.zz, tenderId).equals("EVALUATING"));
            String evaluationId = await("the remote evaluation", () -> {
                for (JsonNode e : json(at.zz.get("clerk", "/api/remote-evaluations"))) {
                    if (e.path("tenderId").asText().equals(tenderId)) {
                        return e.path("id").asText();
                    }
                }
                return null;
            });

            // planned with Luoyang (its own platform) and Nanyang (this platform) as partners
            ok(at.zz.post("purchaser", "/api/remote-evaluations/" + evaluationId + "/plan", """
                    {"speciality":"房屋建筑工程","committeeSize":5,"scheduledStart":"2027-01-18T09:00:00+08:00",
                     "mainVenueId":"%s","representatives":["purchaser"],"supervisoryDepartment":"郑州市住房和城乡建设局",
                     "partners":["LY","NY"]}""".formatted(venue(at.zz, "ZZ"))));
            String engagement = await("Luoyang has the request", () -> {
                for (JsonNode e : json(at.ly.get("lyclerk", "/api/partner-engagements"))) {
                    if (e.path("evaluationRef").asText().equals(evaluationId)) {
                        return e.path("id").asText();
                    }
                }
                return null;
            });
            ok(at.ly.post("lyclerk", "/api/partner-engagements/" + engagement + "/answer",
                    "{\"accept\":true,\"venueId\":\"" + venue(at.ly, "LY") + "\"}"));
            await("Nanyang asked after Luoyang accepted", () -> at.zz.get("nyclerk", "/api/remote-evaluations/"
                    + evaluationId).statusCode() == 200);
            ok(at.zz.post("nyclerk", "/api/remote-evaluations/" + evaluationId + "/requests/NY/answer",
                    "{\"accept\":true,\"venueId\":\"" + venue(at.zz, "NY") + "\"}"));

            // the draw's day: Luoyang is killed while the draw runs, and started again
            clock(at.zz, "2027-01-17T09:00:00+08:00");
            at.ly.kill();
            at.ly = at.ly.restart("demo,sandbox", null, with(common, "--huitong.interconnect.centre=LY"));
            at.ly.awaitReady(Duration.ofMinutes(3));
            await("drawn jointly", () -> json(at.zz.get("clerk", "/api/remote-evaluations/" + evaluationId))
                    .path("status").asText().equals("PREPARING"));
            await("Luoyang prepares", () -> json(at.ly.get("lyclerk", "/engine-rest/task?processInstanceBusinessKey="
                    + engagement)).toString().contains("prepareVenue"));

            ok(at.zz.post("clerk", "/api/remote-evaluations/" + evaluationId + "/venues/" + venue(at.zz, "ZZ")
                    + "/preparation", "{\"seatsReady\":8,\"linkCheck\":\"OK\"}"));
            ok(at.zz.post("nyclerk", "/api/remote-evaluations/" + evaluationId + "/venues/" + venue(at.zz, "NY")
                    + "/preparation", "{\"seatsReady\":8,\"linkCheck\":\"OK\"}"));
            ok(at.ly.post("lyclerk", "/api/partner-engagements/" + engagement + "/preparation",
                    "{\"seatsReady\":8,\"linkCheck\":\"OK\"}"));

            // sign-in: Luoyang's experts at Luoyang, the others at Zhengzhou and Nanyang
            Map<String, String> lyIds = idNumbers(at.ly);
            for (String expertUser : drawnAt(at.ly, engagement)) {
                ok(at.ly.post("lyclerk", "/api/partner-engagements/" + engagement + "/sign-ins",
                        "{\"idNo\":\"" + lyIds.get(expertUser) + "\"}"));
            }
            Map<String, String> zzIds = idNumbers(at.zz);
            String nyVenue = venue(at.zz, "NY");
            for (String user : zzIds.keySet()) {
                for (JsonNode a : json(at.zz.get(user, "/api/my/expert-assignments"))) {
                    if (a.path("evaluationId").asText().equals(evaluationId)
                            && a.path("status").asText().equals("DRAWN")) {
                        ok(at.zz.post(a.path("venueId").asText().equals(nyVenue) ? "nyclerk" : "clerk",
                                "/api/remote-evaluations/" + evaluationId + "/sign-ins",
                                "{\"idNo\":\"" + zzIds.get(user) + "\"}"));
                    }
                }
            }
            ok(at.zz.post("clerk", "/api/remote-evaluations/" + evaluationId + "/sign-ins", "{\"userId\":\"purchaser\"}"));
            await("the committee sits", () -> chair(at.zz, tenderId) != null);
            ok(at.zz.post(chair(at.zz, tenderId), "/api/tenders/" + tenderId + "/review", "{\"rejections\":[]}"));

            // scoring: here, and at Luoyang by its experts
            String scores = scores(at.zz, tenderId);
            for (String member : members(at.zz, tenderId)) {
                if (!member.startsWith("peer-")) {
                    ok(at.zz.post(member, "/api/tenders/" + tenderId + "/scores", scores));
                }
            }
            await("Luoyang's experts have their sheets", () -> !json(at.ly.get(drawnAt(at.ly, engagement).get(0),
                    "/api/partner-engagements/" + engagement + "/sheet")).path("scoring").isNull());
            for (String expertUser : drawnAt(at.ly, engagement)) {
                ok(at.ly.post(expertUser, "/api/partner-engagements/" + engagement + "/scores", scores));
            }
            await("the report to sign", () -> json(at.zz.get("demo", "/engine-rest/task?processInstanceBusinessKey="
                    + tenderId)).toString().contains("signReport"));
            for (String member : members(at.zz, tenderId)) {
                if (!member.startsWith("peer-")) {
                    ok(at.zz.post(member, "/api/tenders/" + tenderId + "/report/signature", "{}"));
                }
            }
            await("Luoyang's experts have the report", () -> !json(at.ly.get(drawnAt(at.ly, engagement).get(0),
                    "/api/partner-engagements/" + engagement + "/sheet")).path("report").isNull());
            for (String expertUser : drawnAt(at.ly, engagement)) {
                ok(at.ly.post(expertUser, "/api/partner-engagements/" + engagement + "/report/signature", "{}"));
            }
            await("the result to confirm", () -> json(at.zz.get("demo", "/engine-rest/task?processInstanceBusinessKey="
                    + tenderId)).toString().contains("confirmResult"));
            ok(at.zz.post("clerk", "/api/remote-evaluations/" + evaluationId + "/confirmation", ""));

            // settlement: Zhengzhou is killed while Luoyang hands its records back, and started again
            await("Luoyang hands back", () -> json(at.ly.get("lyclerk", "/engine-rest/task?processInstanceBusinessKey="
                    + engagement)).toString().contains("handBackRecords"));
            ok(at.ly.send("lyclerk", java.net.http.HttpRequest.newBuilder(at.ly.uri("/api/partner-engagements/"
                    + engagement + "/records?name=session.mp4")).header("Content-Type", "video/mp4")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Luoyang session video"))));
            at.zz.kill();
            ok(at.ly.post("lyclerk", "/api/partner-engagements/" + engagement + "/hand-back",
                    "{\"note\":\"签到表1份，音视频1份\"}"));
            at.zz = at.zz.restart("demo,sandbox", null, with(common, "--huitong.interconnect.centre=ZZ"));
            at.zz.awaitReady(Duration.ofMinutes(3));
            // Nanyang, on this platform, hands back as before
            ok(at.zz.send("nyclerk", java.net.http.HttpRequest.newBuilder(at.zz.uri("/api/remote-evaluations/"
                    + evaluationId + "/records?name=ny-session.mp4")).header("Content-Type", "video/mp4")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Nanyang session video"))));
            ok(at.zz.post("nyclerk", "/api/remote-evaluations/" + evaluationId + "/handbacks/NY",
                    "{\"recordsNote\":\"签到表1份，音视频1份\"}"));
            await("settled", () -> json(at.zz.get("clerk", "/api/remote-evaluations/" + evaluationId))
                    .path("status").asText().equals("SETTLED"));
            await("Luoyang hears of it", () -> json(at.ly.get("lyclerk", "/api/partner-engagements/" + engagement))
                    .path("status").asText().equals("SETTLED"));

            // every message delivered once: each side received each of the other's messages exactly once
            JsonNode atZz = json(at.zz.get("demo", "/api/interconnect/messages?limit=500"));
            JsonNode atLy = json(at.ly.get("demo", "/api/interconnect/messages?limit=500"));
            assertThat(atZz.path("received").findValuesAsText("id")).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(atLy.path("sent").findValuesAsText("id"));
            assertThat(atLy.path("received").findValuesAsText("id")).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(atZz.path("sent").findValuesAsText("id"));

            // Luoyang's archive of its engagement verifies on its own: the manifest, and every message's signature
            // against the keys the package holds
            JsonNode lyArchive = json(at.ly.get("lyclerk", "/api/partner-engagements/" + engagement
                    + "/archive/verification"));
            assertThat(lyArchive.path("intact").asBoolean()).as(lyArchive.toString()).isTrue();
            assertThat(lyArchive.path("signaturesVerified").asInt()).as("every message either way")
                    .isEqualTo(about(atLy.path("sent"), evaluationId) + about(atLy.path("received"), evaluationId));

            // Zhengzhou's tender goes on to its end — the award after the publicity, the contract, the report — and
            // its archive, with the messages exchanged with Luoyang, verifies on its own too
            clock(at.zz, "2027-01-25T09:00:00+08:00");
            await("the winner to determine", () -> openTask(at.zz, tenderId, "determineWinner")
                    || openTask(at.zz, tenderId, "chooseWinner"));
            String winner = null;
            for (JsonNode bid : json(at.zz.get("demo", "/api/tenders/" + tenderId + "/bids"))) {
                if (bid.path("candidateRank").asInt() == 1) {
                    winner = bid.path("id").asText();
                }
            }
            ok(at.zz.post("purchaser", "/api/tenders/" + tenderId + "/award", "{\"winnerBidId\":\"" + winner + "\"}"));
            await("the contract to sign", () -> openTask(at.zz, tenderId, "signContract"));
            ok(at.zz.post("purchaser", "/api/tenders/" + tenderId + "/contract", "{}"));
            await("the report to write", () -> openTask(at.zz, tenderId, "reportToSupervisor"));
            ok(at.zz.post("purchaser", "/api/tenders/" + tenderId + "/supervisor-report", "{}"));
            await("archived", () -> status(at.zz, tenderId).equals("ARCHIVED"));
            JsonNode zzArchive = await("the tender's archive", () -> {
                HttpResponse<String> r = at.zz.get("clerk", "/api/tenders/" + tenderId + "/archive/verification");
                return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
            });
            assertThat(zzArchive.path("intact").asBoolean()).as(zzArchive.toString()).isTrue();
            assertThat(zzArchive.path("signaturesVerified").asInt()).as("every message exchanged with Luoyang")
                    .isEqualTo(about(atZz.path("sent"), evaluationId) + about(atZz.path("received"), evaluationId));
        } finally {
            at.zz.close();
            at.ly.close();
        }
    }

    /** The two deployments, started again when killed. */
    static final class Nodes {
        Node zz;
        Node ly;
    }

    static String[] with(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** One administrator registers the other platform as a peer, with the keys it publishes. */
    static void connect(Node at, String code, Node other) throws Exception {
        JsonNode keys = json(other.get(null, "/interconnect/jwks.json")).path("keys");
        ok(at.post("demo", "/api/peers", """
                {"centreCode":"%s","name":"%s platform","baseUrl":"http://127.0.0.1:%d","keys":%s}"""
                .formatted(code, code, other.port, keys.toString())));
    }

    static void clock(Node node, String at) throws Exception {
        ok(node.post("demo", "/api/sandbox/clock", "{\"at\":\"" + at + "\",\"factor\":0}"));
    }

    static String status(Node node, String tenderId) throws Exception {
        return json(node.get("demo", "/api/tenders/" + tenderId)).path("status").asText();
    }

    static boolean openTask(Node node, String tenderId, String taskKey) throws Exception {
        return json(node.get("demo", "/api/tenders/" + tenderId)).path("openTasks").findValuesAsText("taskKey")
                .contains(taskKey);
    }

    /** How many of the listed messages are about the subject. */
    static int about(JsonNode messages, String subject) {
        int n = 0;
        for (JsonNode m : messages) {
            n += m.path("subject").asText().equals(subject) ? 1 : 0;
        }
        return n;
    }

    static String venue(Node node, String centre) throws Exception {
        for (JsonNode c : json(node.get("clerk", "/api/centres"))) {
            if (c.path("code").asText().equals(centre)) {
                return c.path("venues").get(0).path("id").asText();
            }
        }
        throw new AssertionError("no centre " + centre);
    }

    static Map<String, String> idNumbers(Node node) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        json(node.get("supervisor", "/api/experts")).forEach(x -> ids.put(x.path("userId").asText(),
                x.path("idNo").asText()));
        return ids;
    }

    /** The users of the experts Luoyang drew for the engagement (its own pool, on its own platform). */
    static List<String> drawnAt(Node ly, String engagement) throws Exception {
        List<String> users = new ArrayList<>();
        for (String user : idNumbers(ly).keySet()) {
            for (JsonNode a : json(ly.get(user, "/api/my/expert-assignments"))) {
                if (a.path("seatId").asText().startsWith(engagement + "#")) {
                    users.add(user);
                }
            }
        }
        return users;
    }

    static String chair(Node node, String tenderId) throws Exception {
        for (JsonNode m : json(node.get("clerk", "/api/tenders/" + tenderId + "/committee"))) {
            if (m.path("chair").asBoolean()) {
                return m.path("userId").asText();
            }
        }
        return null;
    }

    static List<String> members(Node node, String tenderId) throws Exception {
        List<String> users = new ArrayList<>();
        json(node.get("clerk", "/api/tenders/" + tenderId + "/committee")).forEach(m -> users.add(m.path("userId")
                .asText()));
        return users;
    }

    static String scores(Node node, String tenderId) throws Exception {
        List<String> each = new ArrayList<>();
        int i = 0;
        for (JsonNode bid : json(node.get("demo", "/api/tenders/" + tenderId + "/bids"))) {
            if (bid.path("status").asText().equals("VALID")) {
                each.add("\"" + bid.path("id").asText() + "\":" + (50 - i++));
            }
        }
        return "{\"scores\":{" + String.join(",", each) + "}}";
    }

    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isBetween(200, 299);
        return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    static String id(JsonNode created) {
        return created.path("id").asText();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** Waits for what the other process does on its own (its job executor, its delivery), at most two minutes. */
    static <T> T await(String what, Callable<T> probe) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            T value = probe.call();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("not reached in 2 minutes: " + what);
    }
}
