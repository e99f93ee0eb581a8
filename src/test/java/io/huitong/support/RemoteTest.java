package io.huitong.support;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives a remote cross-site evaluation over HTTP as the centres would: Zhengzhou (ZZ) is the main venue of its
 * own tenders, Luoyang (LY), Nanyang (NY) and Xinyang (XY) are its partners (demo/remote-pool.yaml). Each centre
 * acts through its own clerk; experts learn their own seats and sign in at their venue.
 */
public abstract class RemoteTest extends LifecycleTest {

    protected static final String SPECIALITY = "房屋建筑工程";
    protected static final Map<String, String> CLERK = Map.of("ZZ", "clerk", "LY", "lyclerk", "NY", "nyclerk", "XY",
            "xyclerk");
    protected static final String START = "2026-12-23T09:00:00+08:00";
    /** The tenderer's credit code, named in every plan: its own staff are not drawn as experts (TBL 37). */
    protected static final String TENDERER = io.huitong.shared.party.CreditCodes.withCheck("12410100MB0000077");

    /** Must-tender works of 50,000,000 in Zhengzhou: remote by Henan's policy. Three bids; opened 21 December. */
    protected String remoteTender() {
        String id = registerAndApprove(works().with("estimatedAmount", new BigDecimal("50000000.00"))
                .with("budgetFunds", new BigDecimal("50000000.00"))
                .with("totalInvestment", new BigDecimal("100000000.00")));
        at("2026-12-01T08:00:00");
        bidAccepted(id, 1, "48000000.00", null, "LARGE");
        bidAccepted(id, 2, "47000000.00", null, "MEDIUM");
        bidAccepted(id, 3, "47613000.00", null, "SMALL");
        at("2026-12-21T09:30:00");
        assertThat(status(id)).isEqualTo("EVALUATING");
        return id;
    }

    /** The remote evaluation of the tender, as the main centre lists it. */
    protected String evaluationOf(String tenderId) {
        for (JsonNode e : json(get("clerk", "/api/remote-evaluations"))) {
            if (e.get("tenderId").asText().equals(tenderId)) {
                return e.get("id").asText();
            }
        }
        throw new AssertionError("no remote evaluation of " + tenderId);
    }

    protected JsonNode view(String user, String evaluationId) {
        ResponseEntity<String> response = get(user, "/api/remote-evaluations/" + evaluationId);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }

    /** The first venue of a centre. */
    protected String venue(String centre) {
        for (JsonNode c : json(get("clerk", "/api/centres"))) {
            if (c.get("code").asText().equals(centre)) {
                return c.get("venues").get(0).get("id").asText();
            }
        }
        throw new AssertionError("no centre " + centre);
    }

    protected ResponseEntity<String> plan(String evaluationId, int size, String partners) {
        return plan(evaluationId, size, partners, START);
    }

    protected ResponseEntity<String> plan(String evaluationId, int size, String partners, String start) {
        // the tenderer plans: it forms the committee (TBL 37); who the tenderer is (TENDERER) comes from the
        // registration
        return post("purchaser", "/api/remote-evaluations/" + evaluationId + "/plan", """
                {"speciality":"%s","committeeSize":%d,"scheduledStart":"%s","mainVenueId":"%s",
                 "representatives":["purchaser"],"supervisoryDepartment":"郑州市住房和城乡建设局"%s}"""
                .formatted(SPECIALITY, size, start, venue("ZZ"),
                        partners == null ? "" : ",\"partners\":[" + partners + "]"));
    }

    protected void planned(String evaluationId) {
        planned(evaluationId, START);
    }

    protected void planned(String evaluationId, String start) {
        ResponseEntity<String> response = plan(evaluationId, 5, null, start);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    }

    protected ResponseEntity<String> answer(String centre, String evaluationId, boolean accept, String reason) {
        return post(CLERK.get(centre), "/api/remote-evaluations/" + evaluationId + "/requests/" + centre + "/answer",
                accept ? "{\"accept\":true,\"venueId\":\"" + venue(centre) + "\"}"
                        : "{\"accept\":false,\"reason\":\"" + reason + "\"}");
    }

    protected void accepts(String centre, String evaluationId) {
        ResponseEntity<String> response = answer(centre, evaluationId, true, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
    }

    /** Planned, LY and NY accept, and the draw runs on 22 December at 09:00. */
    protected String drawn(String tenderId) {
        return drawn(tenderId, START);
    }

    /** Planned to start then; drawn 24 hours before (G10). */
    protected String drawn(String tenderId, String start) {
        String id = evaluationOf(tenderId);
        planned(id, start);
        accepts("LY", id);
        accepts("NY", id);
        at(java.time.OffsetDateTime.parse(start).minusHours(24).toLocalDateTime().toString());
        assertThat(view("clerk", id).get("status").asText()).isEqualTo("PREPARING");
        return id;
    }

    /** The centres taking part: the main centre and the partners that accepted. */
    protected List<String> centres(String evaluationId) {
        List<String> centres = new ArrayList<>(List.of("ZZ"));
        view("clerk", evaluationId).get("partners").forEach(p -> {
            if (p.get("status").asText().equals("ACCEPTED")) {
                centres.add(p.get("centre").asText());
            }
        });
        return centres;
    }

    protected void prepare(String centre, String evaluationId, String venueId) {
        ResponseEntity<String> response = post(CLERK.get(centre), "/api/remote-evaluations/" + evaluationId
                + "/venues/" + venueId + "/preparation", "{\"seatsReady\":8,\"linkCheck\":\"OK\"}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    protected void prepareAll(String evaluationId) {
        JsonNode view = view("clerk", evaluationId);
        prepare("ZZ", evaluationId, view.get("mainVenueId").asText());
        view.get("partners").forEach(p -> {
            if (p.get("status").asText().equals("ACCEPTED")) {
                prepare(p.get("centre").asText(), evaluationId, p.get("venueId").asText());
            }
        });
        runDueJobs();
    }

    /** The pool as supervisors see it: user → ID number. */
    protected Map<String, String> idNumbers() {
        Map<String, String> ids = new LinkedHashMap<>();
        json(get("supervisor", "/api/experts")).forEach(x -> ids.put(x.get("userId").asText(), x.get("idNo").asText()));
        return ids;
    }

    /** The experts drawn for the evaluation and not yet signed in, as each learns it: user → centre of the seat. */
    protected Map<String, String> drawnExperts(String evaluationId) {
        Map<String, String> drawn = new LinkedHashMap<>();
        Map<String, String> centreOfVenue = new LinkedHashMap<>();
        json(get("clerk", "/api/centres")).forEach(c -> c.get("venues")
                .forEach(v -> centreOfVenue.put(v.get("id").asText(), c.get("code").asText())));
        for (String user : idNumbers().keySet()) {
            for (JsonNode a : json(get(user, "/api/my/expert-assignments"))) {
                if (a.get("evaluationId").asText().equals(evaluationId) && a.get("status").asText().equals("DRAWN")) {
                    drawn.put(user, centreOfVenue.get(a.get("venueId").asText()));
                }
            }
        }
        return drawn;
    }

    /** Each drawn expert shows the ID card to the clerk of the venue; the representative signs in at the main venue. */
    protected void signInAll(String evaluationId) {
        Map<String, String> ids = idNumbers();
        Map<String, String> drawn = drawnExperts(evaluationId);
        List<String> order = drawn.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) ->
                a.equals("ZZ") ? -1 : b.equals("ZZ") ? 1 : a.compareTo(b))).map(Map.Entry::getKey)
                .collect(Collectors.toList());
        for (String user : order) {
            ResponseEntity<String> response = post(CLERK.get(drawn.get(user)), "/api/remote-evaluations/"
                    + evaluationId + "/sign-ins", "{\"idNo\":\"" + ids.get(user) + "\"}");
            assertThat(response.getStatusCode()).as(user + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        boolean repWaiting = false;
        for (JsonNode seat : view("clerk", evaluationId).get("seats")) {
            repWaiting |= seat.get("role").asText().equals("PURCHASER_REPRESENTATIVE")
                    && seat.get("status").asText().equals("DRAWN");
        }
        if (repWaiting) {
            ResponseEntity<String> response = post("clerk", "/api/remote-evaluations/" + evaluationId + "/sign-ins",
                    "{\"userId\":\"purchaser\"}");
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        runDueJobs();
    }

    /** The sitting committee as the main centre sees it: user ids, the chair first. */
    protected List<String> members(String tenderId) {
        List<String> users = new ArrayList<>();
        json(get("clerk", "/api/tenders/" + tenderId + "/committee")).forEach(m -> users.add(m.get("userId").asText()));
        return users;
    }

    protected String chairOf(String tenderId) {
        for (JsonNode m : json(get("clerk", "/api/tenders/" + tenderId + "/committee"))) {
            if (m.get("chair").asBoolean()) {
                return m.get("userId").asText();
            }
        }
        throw new AssertionError("no chair");
    }

    /** The chair reviews: no bid rejected. */
    protected void reviewed(String tenderId) {
        ResponseEntity<String> response = post(chairOf(tenderId), "/api/tenders/" + tenderId + "/review",
                "{\"rejections\":[]}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();
    }

    /** The given members score every bid alike. */
    protected void scoredBy(String tenderId, List<String> members) {
        List<JsonNode> valid = bids(tenderId).values().stream().filter(b -> b.get("status").asText().equals("VALID"))
                .toList();
        List<String> each = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            each.add("\"" + valid.get(i).get("id").asText() + "\":" + (50 - i));
        }
        String scores = String.join(",", each).transform(x -> "{\"scores\":{" + x + "}}");
        for (String member : members) {
            ResponseEntity<String> response = post(member, "/api/tenders/" + tenderId + "/scores", scores);
            assertThat(response.getStatusCode()).as(member + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        runDueJobs();
    }

    protected void signedBy(String tenderId, List<String> members) {
        for (String member : members) {
            ResponseEntity<String> response = post(member, "/api/tenders/" + tenderId + "/report/signature", "{}");
            assertThat(response.getStatusCode()).as(member + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        runDueJobs();
    }

    protected void confirmed(String evaluationId) {
        ResponseEntity<String> response = post("clerk", "/api/remote-evaluations/" + evaluationId + "/confirmation",
                null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
    }

    /** Reports a venue's link down; returns the failure's id. */
    protected String linkDown(String centre, String evaluationId, String venueId) {
        ResponseEntity<String> response = post(CLERK.get(centre), "/api/remote-evaluations/" + evaluationId
                + "/link-failures", "{\"venueId\":\"" + venueId + "\",\"description\":\"视频链路中断\"}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        runDueJobs();
        return json(response).get("id").asText();
    }

    protected void linkBack(String centre, String evaluationId, String failureId) {
        ResponseEntity<String> response = post(CLERK.get(centre), "/api/remote-evaluations/" + evaluationId
                + "/link-failures/" + failureId + "/restoration", null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        runDueJobs();
    }

    protected String partnerVenue(String evaluationId, String centre) {
        for (JsonNode p : view("clerk", evaluationId).get("partners")) {
            if (p.get("centre").asText().equals(centre)) {
                return p.get("venueId").asText();
            }
        }
        throw new AssertionError("no partner " + centre);
    }

    /** Uploads one record as the user: the file as the body, with its type; {@code centre} may be null. */
    protected ResponseEntity<String> uploadRecord(String user, String evaluationId, String centre, String name,
            String contentType, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.parseMediaType(contentType));
        String query = "?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + (centre == null ? "" : "&centre=" + centre);
        return http.exchange(java.net.URI.create(http.getRootUri() + "/api/remote-evaluations/" + evaluationId
                + "/records" + query), HttpMethod.POST, new HttpEntity<>(content, headers), String.class);
    }

    /** The partner's clerk uploads its venue's recording (J7) and hands the records back. */
    protected void handsBack(String centre, String evaluationId, String note) {
        ResponseEntity<String> uploaded = uploadRecord(CLERK.get(centre), evaluationId, null, centre + "-评标全程录像.mp4",
                "video/mp4", (centre + " 评标室录像 video").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> back = post(CLERK.get(centre), "/api/remote-evaluations/" + evaluationId + "/handbacks/"
                + centre, "{\"recordsNote\":\"" + note + "\"}");
        assertThat(back.getStatusCode()).as(back.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        runDueJobs();
    }
}
