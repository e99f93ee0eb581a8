package io.huitong.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.shared.party.CreditCodes;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Drives tenders through their lifecycle over HTTP, as the users would: purchaser, approvers, bidder portals
 * (bidder n as its own account, {@link #bidderUser}), clerks, experts, finance. Time moves only through the clock; due timers run when the clock passes them.
 */
public abstract class LifecycleTest extends ApiTest {

    /** The demo user who acts for each approver group. */
    private static final Map<String, String> APPROVER = Map.of("registration-clerk", "clerk", "centre-director",
            "director", "supervisor", "supervisor", "finance-department", "finance", "project-approval-authority",
            "approval");

    /** The members of a committee of five: four experts (the first chairs) and the purchaser's representative. */
    protected static final List<String> MEMBERS = List.of("expert1", "expert2", "expert3", "expert4", "purchaser");

    /** A valid unified social credit code for bidder n. */
    public static String bidderId(int n) {
        return CreditCodes.withCheck(String.format("91410100MA%07d", n));
    }

    /** The number of demo bidder accounts ({@code bidder1}…), each bound to {@link #bidderId} of its number. */
    private static final int DEMO_BIDDERS = 5;

    /** Bidder accounts made beyond the demo's, by server (each Spring context has its own) and user. */
    private static final java.util.Set<String> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The account of bidder n, which acts for {@link #bidderId bidderId(n)} only: the demo's {@code bidder1}…
     * {@code bidder5}; beyond them an administrator creates the user and binds it, as the API allows.
     */
    protected String bidderUser(int n) {
        String user = "bidder" + n;
        if (n <= DEMO_BIDDERS || !MADE.add(http.getRootUri() + " " + user)) {
            return user;
        }
        if (json(get("demo", "/engine-rest/user?id=" + user)).isEmpty()) {
            post("demo", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + user + "\",\"firstName\":\"投标人"
                    + n + "\",\"lastName\":\"(test)\"},\"credentials\":{\"password\":\"" + user + "\"}}");
            exchange("demo", org.springframework.http.HttpMethod.PUT, "/engine-rest/group/bidder/members/" + user,
                    null);
        }
        ResponseEntity<String> bound = exchange("demo", org.springframework.http.HttpMethod.PUT,
                "/api/bidder-accounts/" + user, "{\"creditCode\":\"" + bidderId(n) + "\",\"name\":\"投标人" + n + "\"}");
        assertThat(bound.getStatusCode()).as(bound.getBody()).isEqualTo(HttpStatus.OK);
        return user;
    }

    /** Bids submitted through {@link #bid}, by tender and bidder number, that their bidders will decrypt. */
    private final Map<String, Map<Integer, Sealed>> sealed = new java.util.concurrent.ConcurrentHashMap<>();

    /** The account that submitted each bid through {@link #bid}, by bid id. */
    private final Map<String, String> submitters = new java.util.concurrent.ConcurrentHashMap<>();

    private record Sealed(String bidId, String password) {
    }

    /**
     * Moves the clock to a time in China and runs what falls due. Passing a tender's bid deadline, the bidders of
     * the bids submitted through {@link #bid} decrypt them as the opening begins (EB20 30), unless the test keeps
     * them sealed ({@link #keepSealed}).
     */
    protected void at(String localDateTime) {
        ZonedDateTime target = ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]");
        for (String tenderId : List.copyOf(sealed.keySet())) {
            decryptAtOpening(tenderId, target);
        }
        clockAt(target);
        runDueJobs();
    }

    private void decryptAtOpening(String tenderId, ZonedDateTime target) {
        java.time.Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        java.time.Instant deadline = java.time.OffsetDateTime.parse(tender(tenderId).get("bidDeadline").asText())
                .toInstant();
        if (target.toInstant().isBefore(deadline) || !now.isBefore(deadline.plusSeconds(60))) {
            return;
        }
        if (now.isBefore(deadline)) {
            clockAt(deadline.atZone(java.time.ZoneId.of("Asia/Shanghai")));
            runDueJobs();
        }
        Map<Integer, Sealed> bids = sealed.remove(tenderId);
        if (!"CLOSED".equals(status(tenderId)) || bids == null) {
            return;
        }
        for (Sealed bid : bids.values()) {
            decrypt(tenderId, bid.bidId(), bid.password());
        }
        runDueJobs();
    }

    /** The bidder decrypts its bid, if it still stands (as the account that submitted it through {@link #bid}). */
    protected ResponseEntity<String> decrypt(String tenderId, String bidId, String password) {
        String user = submitters.getOrDefault(bidId, "bidder");
        ResponseEntity<String> receipt = get(user, "/api/tenders/" + tenderId + "/bids/" + bidId);
        if (receipt.getStatusCode() != HttpStatus.OK || !"SUBMITTED".equals(json(receipt).get("status").asText())) {
            return receipt;
        }
        ResponseEntity<String> response = post(user, "/api/tenders/" + tenderId + "/bids/" + bidId + "/decryption",
                "{\"password\":\"" + password + "\"}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return response;
    }

    /** Bidder n will not decrypt its bid at the opening: the test does, or nobody. */
    protected String keepSealed(String tenderId, int n) {
        return sealed.get(tenderId).remove(n).bidId();
    }

    /** The password bidder n seals its bids of the tender with. */
    protected static String password(String tenderId, int n) {
        return "口令-" + n + "-" + tenderId.substring(0, 8);
    }

    /** Registers and approves every step of the route; the lifecycle starts. Returns the tender id. */
    protected String registerAndApprove(RegistrationJson registration) {
        ResponseEntity<String> created = post("purchaser", "/api/tenders", registration.toString());
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode tender = json(created);
        String id = tender.get("id").asText();
        for (JsonNode group : tender.get("decisions").get("approvalRoute")) {
            ResponseEntity<String> step = post(APPROVER.get(group.asText()), "/api/tenders/" + id + "/approval",
                    "{\"approved\":true}");
            assertThat(step.getStatusCode()).as(step.getBody()).isIn(HttpStatus.OK, HttpStatus.ACCEPTED);
        }
        runDueJobs();
        assertThat(tender(id).get("status").asText()).isEqualTo("APPROVED");
        return id;
    }

    protected JsonNode tender(String id) {
        return json(get("demo", "/api/tenders/" + id));
    }

    protected String status(String id) {
        return tender(id).get("status").asText();
    }

    /**
     * A bid of bidder n, its file sealed with the bidder's password; bond given as "amount FORM" (or "amount FORM
     * payerAccount") or null. Accepted,
     * its bidder decrypts it when the clock passes the deadline ({@link #at}).
     */
    protected ResponseEntity<String> bid(String tenderId, int n, String price, String bond, String smeSize) {
        return bid(tenderId, n, SealedBid.file(bidderId(n), n, price), bond, smeSize, "法定代表人" + n);
    }

    /** A bid of bidder n with the file and legal representative given. */
    protected ResponseEntity<String> bid(String tenderId, int n, String fileJson, String bond, String smeSize,
            String legalRepresentative) {
        return bid(tenderId, n, fileJson, bond, smeSize, legalRepresentative, null, List.of());
    }

    /**
     * A bid of bidder n with the file, the legal representative and the ID number of the representative (or null),
     * and the consortium members it names (bidder numbers).
     */
    protected ResponseEntity<String> bid(String tenderId, int n, String fileJson, String bond, String smeSize,
            String legalRepresentative, String legalRepresentativeIdNo, List<Integer> members) {
        String[] b = bond == null ? null : bond.split(" ", 3);
        String guaranteeNo = b != null && b[1].equals("E_GUARANTEE") ? eGuarantee(tenderId, n) : "G-" + n;
        String bondJson = b == null ? "null" : "{\"form\":\"" + b[1] + "\",\"amount\":" + b[0]
                + ",\"guaranteeNo\":\"" + guaranteeNo + "\",\"payerAccount\":\""
                + (b.length > 2 ? b[2] : "4101-" + n) + "\"}";
        String password = password(tenderId, n);
        String user = bidderUser(n);
        ResponseEntity<String> response = post(user, "/api/tenders/" + tenderId + "/bids", """
                {"bidderId":"%s","bidderName":"投标人%d","bond":%s,"smeSize":"%s",
                 "legalRepresentative":"%s","legalRepresentativeIdNo":%s,"consortiumMembers":[%s],"sealedFile":"%s"}"""
                .formatted(bidderId(n), n, bondJson, smeSize, legalRepresentative,
                        legalRepresentativeIdNo == null ? "null" : "\"" + legalRepresentativeIdNo + "\"",
                        String.join(",", members.stream().map(m -> "\"" + bidderId(m) + "\"").toList()),
                        SealedBid.seal(fileJson, password)));
        if (response.getStatusCode() == HttpStatus.CREATED) {
            submitters.put(json(response).get("id").asText(), user);
            sealed.computeIfAbsent(tenderId, t -> new java.util.concurrent.ConcurrentHashMap<>())
                    .put(n, new Sealed(json(response).get("id").asText(), password));
        }
        return response;
    }

    /**
     * Bidder n orders an e-guarantee for the tender through the centre from the demo bank (C17); where the tender
     * takes none (or bidding is not open) the bid names a number the platform does not hold.
     */
    protected String eGuarantee(String tenderId, int n) {
        ResponseEntity<String> ordered = post(bidderUser(n), "/api/tenders/" + tenderId + "/e-guarantees",
                "{\"bidderId\":\"" + bidderId(n) + "\",\"bidderName\":\"投标人" + n + "\"}");
        return ordered.getStatusCode() == HttpStatus.CREATED ? json(ordered).get("guaranteeNo").asText() : "G-" + n;
    }

    protected void bidAccepted(String tenderId, int n, String price, String bond, String smeSize) {
        ResponseEntity<String> response = bid(tenderId, n, price, bond, smeSize);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** The bids of the current round, once opened, by bidder name. */
    protected Map<String, JsonNode> bids(String tenderId) {
        ResponseEntity<String> response = get("demo", "/api/tenders/" + tenderId + "/bids");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        int round = tender(tenderId).get("round").asInt();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode bid : json(response)) {
            if (bid.get("round").asInt() == round) {
                byName.put(bid.get("bidderName").asText(), bid);
            }
        }
        return byName;
    }

    /** Records a committee of five (expert1 chairs). */
    protected void committee(String tenderId) {
        String members = MEMBERS.stream().map(user -> """
                {"name":"%s","userId":"%s","role":"%s","chair":%s}""".formatted(user, user,
                user.equals("purchaser") ? "PURCHASER_REPRESENTATIVE" : "EXPERT", user.equals("expert1")))
                .collect(Collectors.joining(",", "{\"members\":[", "]}"));
        ResponseEntity<String> response = post("clerk", "/api/tenders/" + tenderId + "/committee", members);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** The chair's review: the named bidders' bids rejected (reason and article), the others qualified. */
    protected int review(String tenderId, String... rejectedBidders) {
        Map<String, JsonNode> bids = bids(tenderId);
        List<String> rejections = new ArrayList<>();
        for (String name : rejectedBidders) {
            rejections.add("{\"bidId\":\"" + bids.get(name).get("id").asText()
                    + "\",\"reason\":\"未实质性响应招标文件\",\"citation\":\"TBR 51(六)\"}");
        }
        ResponseEntity<String> response = post("expert1", "/api/tenders/" + tenderId + "/review",
                "{\"rejections\":[" + String.join(",", rejections) + "]}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response).get("qualifiedCount").asInt();
    }

    /** Every member gives every qualified bid the technical score its bidder name maps to. */
    protected void scoreAll(String tenderId, Map<String, Integer> scoreByBidder) {
        Map<String, JsonNode> bids = bids(tenderId);
        String scores = scoreByBidder.entrySet().stream()
                .map(e -> "\"" + bids.get(e.getKey()).get("id").asText() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{\"scores\":{", "}}"));
        for (String member : MEMBERS) {
            ResponseEntity<String> response = post(member, "/api/tenders/" + tenderId + "/scores", scores);
            assertThat(response.getStatusCode()).as(member + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }
    }

    /** Every member signs the report, agreeing (TBR 53). */
    protected void signReport(String tenderId) {
        for (String member : MEMBERS) {
            ResponseEntity<String> response = post(member, "/api/tenders/" + tenderId + "/report/signature", "{}");
            assertThat(response.getStatusCode()).as(member + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        runDueJobs();
    }

    /** The purchaser determines the bidder of that name as the winner. */
    protected void award(String tenderId, String bidderName, String reason) {
        String bidId = bids(tenderId).get(bidderName).get("id").asText();
        ResponseEntity<String> response = post("purchaser", "/api/tenders/" + tenderId + "/award",
                reason == null ? "{\"winnerBidId\":\"" + bidId + "\"}"
                        : "{\"winnerBidId\":\"" + bidId + "\",\"reason\":\"" + reason + "\"}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
    }

    /** The open task of that key, as the tender view lists it. */
    protected JsonNode openTask(String tenderId, String taskKey) {
        for (JsonNode task : tender(tenderId).get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                return task;
            }
        }
        throw new AssertionError("no open task " + taskKey + " in " + tender(tenderId).get("openTasks"));
    }

    protected List<String> openTaskKeys(String tenderId) {
        List<String> keys = new ArrayList<>();
        tender(tenderId).get("openTasks").forEach(t -> keys.add(t.get("taskKey").asText()));
        return keys;
    }

    /** Completes a task through Camunda's REST API, as Tasklist does. */
    protected void completeTask(String tenderId, String user, String taskKey) {
        String taskId = openTask(tenderId, taskKey).get("taskId").asText();
        ResponseEntity<String> response = post(user, "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
    }

    /** A due date of the tender's timeline, by name, in its latest round. */
    protected JsonNode deadline(String tenderId, String name) {
        JsonNode found = null;
        for (JsonNode d : tender(tenderId).get("timeline")) {
            if (d.get("name").asText().equals(name)) {
                found = d;
            }
        }
        assertThat(found).as("due date " + name).isNotNull();
        return found;
    }

    /** The kinds of decision recorded for the tender. */
    protected List<String> decisionKinds(String tenderId) {
        List<String> kinds = new ArrayList<>();
        json(get("demo", "/api/tenders/" + tenderId + "/decisions")).forEach(d -> kinds.add(d.get("kind").asText()));
        return kinds;
    }

    /** The latest decision of the kind recorded for the tender. */
    protected JsonNode decision(String tenderId, String kind) {
        JsonNode found = null;
        for (JsonNode d : json(get("demo", "/api/tenders/" + tenderId + "/decisions"))) {
            if (d.get("kind").asText().equals(kind)) {
                found = d;
            }
        }
        assertThat(found).as("decision " + kind).isNotNull();
        return found;
    }

    /**
     * The elements the tender's processes passed (their finished activity instances): the lifecycle, the stages
     * it calls and the evaluation, all carrying the tender id as business key.
     */
    protected List<String> passed(String tenderId) {
        List<String> elements = new ArrayList<>();
        var history = engine.getHistoryService();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(tenderId).list()
                .forEach(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId()).finished()
                        .list().forEach(a -> elements.add(a.getActivityId())));
        return elements;
    }
}
