package io.huitong.bench.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.bench.BenchApp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The actors through Huitong's HTTP doors: its REST API and Camunda's, with basic authentication. */
public final class HttpActors implements Actors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BenchApp app;

    public HttpActors(BenchApp app) {
        this.app = app;
    }

    private static JsonNode expect(HttpResponse<String> response, int status) throws Exception {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " → " + response.statusCode() + ": " + response.body());
        }
        return response.body() == null || response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    @Override
    public Registered register(String json) throws Exception {
        JsonNode tender = expect(app.post("purchaser", "/api/tenders", json), 201);
        List<String> route = new ArrayList<>();
        tender.get("decisions").get("approvalRoute").forEach(g -> route.add(g.asText()));
        return new Registered(tender.get("id").asText(), route);
    }

    @Override
    public void approve(String tenderId, String group) throws Exception {
        HttpResponse<String> step = app.post(APPROVER.get(group), "/api/tenders/" + tenderId + "/approval",
                "{\"approved\":true}");
        // 202: the last step ended the route and the tender's approval follows as a job
        expect(step, step.statusCode() == 202 ? 202 : 200);
    }

    @Override
    public String bid(String tenderId, String bidder, String json) throws Exception {
        return expect(app.post(bidder, "/api/tenders/" + tenderId + "/bids", json), 201).get("id").asText();
    }

    @Override
    public void decrypt(String tenderId, String bidder, String bidId, String password) throws Exception {
        expect(app.post(bidder, "/api/tenders/" + tenderId + "/bids/" + bidId + "/decryption",
                "{\"password\":\"" + password + "\"}"), 200);
    }

    @Override
    public void committee(String tenderId, String membersJson) throws Exception {
        expect(app.post("clerk", "/api/tenders/" + tenderId + "/committee", "{\"members\":" + membersJson + "}"), 201);
    }

    @Override
    public void review(String tenderId, String chair) throws Exception {
        expect(app.post(chair, "/api/tenders/" + tenderId + "/review", "{\"rejections\":[]}"), 200);
    }

    @Override
    public void score(String tenderId, String member, Map<String, Integer> scoreByBidId) throws Exception {
        String scores = scoreByBidId.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{\"scores\":{", "}}"));
        expect(app.post(member, "/api/tenders/" + tenderId + "/scores", scores), 204);
    }

    @Override
    public void sign(String tenderId, String member) throws Exception {
        expect(app.post(member, "/api/tenders/" + tenderId + "/report/signature", "{}"), 204);
    }

    @Override
    public String rankOne(String tenderId) throws Exception {
        for (JsonNode bid : expect(app.get("purchaser", "/api/tenders/" + tenderId + "/bids"), 200)) {
            if (bid.path("candidateRank").asInt() == 1) {
                return bid.get("id").asText();
            }
        }
        throw new IllegalStateException("no candidate ranked first in " + tenderId);
    }

    @Override
    public void award(String tenderId, String bidId) throws Exception {
        expect(app.post("purchaser", "/api/tenders/" + tenderId + "/award", "{\"winnerBidId\":\"" + bidId + "\"}"),
                204);
    }

    @Override
    public void complete(String tenderId, String user, String taskKey) throws Exception {
        for (JsonNode task : expect(app.get(user, "/api/tenders/" + tenderId), 200).get("openTasks")) {
            if (task.get("taskKey").asText().equals(taskKey)) {
                expect(app.post(user, "/engine-rest/task/" + task.get("taskId").asText() + "/complete",
                        "{\"variables\":{}}"), 204);
                return;
            }
        }
        throw new IllegalStateException("no open task " + taskKey + " in " + tenderId);
    }

    @Override
    public String status(String tenderId) throws Exception {
        return expect(app.get("purchaser", "/api/tenders/" + tenderId), 200).get("status").asText();
    }
}
