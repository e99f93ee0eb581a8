package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.interconnect.PeerExchange;
import io.huitong.interconnect.PeerMessage;
import io.huitong.shared.security.Operator;
import io.huitong.shared.workflow.TaskActions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This centre's experts at work for a main centre on another platform: they score the bids the main centre sent and
 * sign its committee's report on this platform; each score and signature goes back signed. The scores are checked
 * here as the main centre checks them (every qualified bid, within the most technical points), so an expert hears
 * of a mistake at once.
 */
@Component
class PartnerCommitteeWork {

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final ExpertPool pool;
    private final PeerExchange exchange;
    private final RuntimeService runtime;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    PartnerCommitteeWork(JdbcClient jdbc, Engagements engagements, ExpertPool pool, PeerExchange exchange,
            RuntimeService runtime, TaskActions tasks, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.pool = pool;
        this.exchange = exchange;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transactions = transactions;
        this.json = json;
    }

    // ---- what the main centre sends ----------------------------------------------------------------------------

    /** The bids to score: kept (the same for every expert), and the experts' scoring opens. */
    void scoringOpened(PeerMessage message) {
        PartnerEngagement g = engagements.of(message.peer(), message.subject()).orElseThrow();
        jdbc.sql("update partner_engagement set scoring_sheet = ? where id = ?").params(message.body().toString(),
                g.id()).update();
        runtime.createMessageCorrelation(PartnerVenueProcess.SCORING_OPENED).processInstanceBusinessKey(g.id())
                .correlateAll();
    }

    /** The committee's report to sign: kept, and the experts' signatures open. */
    void reportReady(PeerMessage message) {
        PartnerEngagement g = engagements.of(message.peer(), message.subject()).orElseThrow();
        jdbc.sql("update partner_engagement set report = ? where id = ?").params(message.body().toString(), g.id())
                .update();
        runtime.createMessageCorrelation(PartnerVenueProcess.REPORT_READY).processInstanceBusinessKey(g.id())
                .correlateAll();
    }

    // ---- what this centre's experts do ----------------------------------------------------------------------------

    List<Integer> seatsSignedIn(String engagementId) {
        return jdbc.sql("select seat_no from partner_seat where engagement_id = ? and status = 'SIGNED_IN' "
                + "order by seat_no").param(engagementId).query(Integer.class).list();
    }

    /** The user of the expert seated in that seat: the one who scores and signs there. */
    String expertUser(String engagementId, Object seatNo) {
        return pool.get(expertOf(engagementId, seatNo)).userId();
    }

    /** What an expert of this engagement sees: the bids to score and the report, as the main centre sent them. */
    Map<String, JsonNode> sheet(String engagementId, Operator operator) {
        seatOf(engagementId, operator);
        Map<String, JsonNode> sheet = new LinkedHashMap<>();
        sheet.put("scoring", read(jdbc.sql("select scoring_sheet from partner_engagement where id = ?")
                .param(engagementId).query(String.class).optional().orElse(null)));
        sheet.put("report", read(jdbc.sql("select report from partner_engagement where id = ?").param(engagementId)
                .query(String.class).optional().orElse(null)));
        return sheet;
    }

    /** An expert scores through the API (the step sends the scores: {@link #recordScores}). */
    void score(String engagementId, Map<String, BigDecimal> scores, Map<String, BigDecimal> objective,
            Operator operator) {
        transactions.executeWithoutResult(s -> {
            int seatNo = seatOf(engagementId, operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("scoresJson", json.valueToTree(scores).toString());
            vars.put("objectiveJson", objective == null ? null : json.valueToTree(objective).toString());
            tasks.completeOne(engagementId, PartnerVenueProcess.SCORE_BIDS, "seatNo", seatNo, operator, vars);
        });
    }

    /** Every bid the main centre sent is scored, within the most technical points; the scores go back signed. */
    void recordScores(String engagementId, Object seatNo, String scoresJson, String objectiveJson) {
        PartnerEngagement g = engagements.get(engagementId);
        JsonNode sheet = read(jdbc.sql("select scoring_sheet from partner_engagement where id = ?").param(g.id())
                .query(String.class).single());
        JsonNode scores = read(scoresJson);
        BigDecimal max = new BigDecimal(sheet.path("maxTechnicalScore").asText("0"));
        for (JsonNode bid : sheet.path("bids")) {
            String id = bid.path("bidId").asText();
            JsonNode score = scores == null ? null : scores.get(id);
            if (score == null || !score.isNumber() || score.decimalValue().signum() < 0
                    || score.decimalValue().compareTo(max) > 0) {
                throw invalid("scores." + id, score == null ? null : score.asText(), "每个合格投标的技术分须在0至" + max
                        + "之间", "Every qualified bid's technical score is from 0 to " + max);
            }
        }
        if (scores.size() != sheet.path("bids").size()) {
            throw invalid("scores", scores.size(), "只对合格投标评分", "Only qualified bids are scored");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expertRef", expertOf(g.id(), seatNo));
        body.put("scores", scores);
        body.put("objectiveScores", read(objectiveJson));
        exchange.send(g.mainCentre(), PeerCommitteeWork.SCORES, g.evaluationRef(), body);
    }

    /** An expert signs through the API (the step sends the signature: {@link #recordSignature}). */
    void sign(String engagementId, boolean agree, String dissent, Operator operator) {
        transactions.executeWithoutResult(s -> {
            int seatNo = seatOf(engagementId, operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("agree", agree);
            vars.put("dissent", dissent);
            tasks.completeOne(engagementId, PartnerVenueProcess.SIGN_REPORT, "seatNo", seatNo, operator, vars);
        });
    }

    void recordSignature(String engagementId, Object seatNo, Object agree, String dissent) {
        PartnerEngagement g = engagements.get(engagementId);
        boolean agrees = !Boolean.FALSE.equals(agree);
        if (!agrees && (dissent == null || dissent.isBlank())) {
            throw invalid("dissent", dissent, "不同意的须书面说明理由", "A dissent gives its reasons in writing");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expertRef", expertOf(g.id(), seatNo));
        body.put("agree", agrees);
        body.put("dissent", dissent);
        exchange.send(g.mainCentre(), PeerCommitteeWork.SIGNATURE, g.evaluationRef(), body);
    }

    /** The seat of the operator, an expert signed in for this engagement; otherwise refused. */
    private int seatOf(String engagementId, Operator operator) {
        engagements.get(engagementId);
        return jdbc.sql("select s.seat_no from partner_seat s join expert x on x.id = s.expert_id where "
                + "s.engagement_id = ? and x.user_id = ? and s.status = 'SIGNED_IN'")
                .params(engagementId, operator.userId()).query(Integer.class).optional()
                .orElseThrow(() -> new AccessDeniedException("只有在本中心签到的评标专家办理 / Only an expert signed in "
                        + "at this centre's venue for this evaluation"));
    }

    private String expertOf(String engagementId, Object seatNo) {
        return jdbc.sql("select expert_id from partner_seat where engagement_id = ? and seat_no = ?")
                .params(engagementId, seatNo).query(String.class).single();
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
