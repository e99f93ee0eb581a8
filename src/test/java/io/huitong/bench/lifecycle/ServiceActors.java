package io.huitong.bench.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.bench.BenchApp;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidRequest;
import io.huitong.bidding.BidDecryption;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidSubmission;
import io.huitong.evaluation.CommitteeMember;
import io.huitong.evaluation.Evaluation;
import io.huitong.lifecycle.PurchaserDecisions;
import io.huitong.shared.security.Operator;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.ApprovalService;
import io.huitong.tender.RegistrationRequest;
import io.huitong.tender.RegistrationService;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderQueries;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The actors calling Huitong's service layer directly, as its controllers do after authentication: the same
 * request bodies (read by the application's own JSON mapper), the same operator, no HTTP and no web filters.
 */
final class ServiceActors implements Actors {

    private final ObjectMapper json;
    private final RegistrationService registration;
    private final ApprovalService approvals;
    private final BidService bids;
    private final BidSubmission submission;
    private final BidDecryption decryption;
    private final Evaluation evaluation;
    private final PurchaserDecisions lifecycle;
    private final TaskActions tasks;
    private final TenderQueries queries;
    private final IdentityService identity;
    private final Map<String, List<SimpleGrantedAuthority>> authorities = new ConcurrentHashMap<>();

    ServiceActors(BenchApp app) {
        json = app.bean(ObjectMapper.class);
        registration = app.bean(RegistrationService.class);
        approvals = app.bean(ApprovalService.class);
        bids = app.bean(BidService.class);
        submission = app.bean(BidSubmission.class);
        decryption = app.bean(BidDecryption.class);
        evaluation = app.bean(Evaluation.class);
        lifecycle = app.bean(PurchaserDecisions.class);
        tasks = app.bean(TaskActions.class);
        queries = app.bean(TenderQueries.class);
        identity = app.engine().getIdentityService();
    }

    /** Runs the call as the user, signed in with the user's groups, as after the web's authentication. */
    private <T> T as(String user, Callable<T> call) throws Exception {
        var granted = authorities.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list()
                .stream().map(Group::getId).map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, granted));
        try {
            return call.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Operator operator(String user) {
        return new Operator(user, "127.0.0.1");
    }

    @Override
    public Registered register(String body) throws Exception {
        RegistrationRequest request = json.readValue(body, RegistrationRequest.class);
        Tender tender = as("purchaser", () -> registration.register(request, operator("purchaser")));
        return new Registered(tender.id(), queries.view(tender).decisions().approvalRoute());
    }

    @Override
    public void approve(String tenderId, String group) throws Exception {
        String user = APPROVER.get(group);
        as(user, () -> {
            approvals.decide(tenderId, true, null, operator(user));
            return null;
        });
    }

    @Override
    public String bid(String tenderId, String bidder, String body) throws Exception {
        BidRequest request = json.readValue(body, BidRequest.class);
        return as(bidder, () -> submission.submit(tenderId, request, operator(bidder)).id());
    }

    @Override
    public void decrypt(String tenderId, String bidder, String bidId, String password) throws Exception {
        as(bidder, () -> decryption.decrypt(tenderId, bidId, password, operator(bidder)));
    }

    @Override
    public void committee(String tenderId, String membersJson) throws Exception {
        List<CommitteeMember> members = json.readValue(membersJson, new TypeReference<List<CommitteeMember>>() {
        });
        as("clerk", () -> evaluation.recordCommittee(tenderId, members, operator("clerk")));
    }

    @Override
    public void review(String tenderId, String chair) throws Exception {
        as(chair, () -> evaluation.review(tenderId, List.of(), operator(chair)));
    }

    @Override
    public void score(String tenderId, String member, Map<String, Integer> scoreByBidId) throws Exception {
        Map<String, BigDecimal> scores = new java.util.LinkedHashMap<>();
        scoreByBidId.forEach((bid, score) -> scores.put(bid, BigDecimal.valueOf(score)));
        as(member, () -> {
            evaluation.score(tenderId, scores, null, operator(member));
            return null;
        });
    }

    @Override
    public void sign(String tenderId, String member) throws Exception {
        as(member, () -> {
            evaluation.signReport(tenderId, true, null, operator(member));
            return null;
        });
    }

    @Override
    public String rankOne(String tenderId) throws Exception {
        return as("purchaser", () -> bids.ofTender(tenderId).stream()
                .filter(b -> Integer.valueOf(1).equals(b.candidateRank())).map(Bid::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no candidate ranked first in " + tenderId)));
    }

    @Override
    public void award(String tenderId, String bidId) throws Exception {
        as("purchaser", () -> {
            lifecycle.chooseWinner(tenderId, bidId, null, operator("purchaser"));
            return null;
        });
    }

    @Override
    public void complete(String tenderId, String user, String taskKey) throws Exception {
        as(user, () -> {
            tasks.complete(tenderId, taskKey, operator(user), Map.of());
            return null;
        });
    }

    @Override
    public String status(String tenderId) throws Exception {
        return queries.view(tenderId).status().name();
    }
}
