package io.huitong.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BidStatus;
import io.huitong.evaluation.Evaluation;
import io.huitong.rules.Notice;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.web.ConflictException;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.TenderTimeline;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The public result page (docs/rules.md K12; G1117 (五)): the candidates and their scores, each expert's scores, the
 * reason and article of every rejection, and where and until when to object or complain. The experts are named
 * only once the winner is determined: until then the committee stays confidential (TBL 37; O87 47).
 */
@Service
public class ResultPublicity {

    private static final Set<TenderStatus> EVALUATED = EnumSet.of(TenderStatus.PUBLICITY, TenderStatus.AWARDING,
            TenderStatus.AWARDED, TenderStatus.CONTRACTED, TenderStatus.ARCHIVED);
    private static final Set<TenderStatus> DETERMINED = EnumSet.of(TenderStatus.AWARDED, TenderStatus.CONTRACTED,
            TenderStatus.ARCHIVED);

    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final BidService bids;
    private final Evaluation evaluation;
    private final ObjectMapper json;
    private final String complaintContact;
    private final RuleSetRegistry ruleSets;

    ResultPublicity(TenderService tenders, TenderTimeline timeline, BidService bids, Evaluation evaluation,
            ObjectMapper json, @Value("${huitong.publication.complaint-contact:项目所在地公共资源交易行政监督部门 / "
                    + "the supervisory department of the project's locality}") String complaintContact,
            RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.tenders = tenders;
        this.timeline = timeline;
        this.bids = bids;
        this.evaluation = evaluation;
        this.json = json;
        this.complaintContact = complaintContact;
    }

    public ObjectNode result(String tenderId) {
        Tender tender = tenders.get(tenderId);
        if (!EVALUATED.contains(tender.status())) {
            throw new ConflictException("评标结果尚未公示 / The result is not published yet");
        }
        boolean determined = DETERMINED.contains(tender.status());
        Regime law = tenders.decisions(tender).applicableLaw();
        ObjectNode page = json.createObjectNode();
        page.put("tenderId", tender.id()).put("title", tender.title()).put("regime", law.name())
                .put("status", tender.status().name()).put("round", tender.round());
        List<Bid> round = bids.ofRound(tenderId, tender.round());
        Map<String, String> names = new LinkedHashMap<>();
        round.forEach(b -> names.put(b.id(), b.bidderName()));

        ArrayNode candidates = page.putArray("candidates");
        round.stream().filter(b -> b.candidateRank() != null).sorted(Comparator.comparing(Bid::candidateRank))
                .forEach(b -> candidates.addObject().put("rank", b.candidateRank()).put("bidderName", b.bidderName())
                        .put("price", b.price()).put("evaluatedPrice", b.evaluatedPrice())
                        .put("priceScore", b.priceScore()).put("technicalScore", b.technicalScore())
                        .put("totalScore", b.totalScore()));
        if (tender.winnerBidId() != null) {
            page.put("winner", names.get(tender.winnerBidId()));
        }

        ArrayNode scores = page.putArray("expertScores");
        Map<String, String> anonymous = new LinkedHashMap<>();
        for (Evaluation.PublishedScore s : evaluation.publishedScores(tenderId)) {
            String expert = determined ? s.memberName()
                    : anonymous.computeIfAbsent(s.memberName(), n -> "评委 Expert " + (anonymous.size() + 1));
            scores.addObject().put("bidderName", names.get(s.bidId())).put("expert", expert).put("chair", s.chair())
                    .put("technicalScore", s.technical());
        }

        ArrayNode rejected = page.putArray("rejections");
        round.stream().filter(b -> b.status() == BidStatus.INVALID || b.status() == BidStatus.REVOKED
                || b.status() == BidStatus.WITHDRAWN && b.decryptionFault() != null)
                .forEach(b -> rejected.addObject().put("bidderName", b.bidderName()).put("status", b.status().name())
                        .put("reason", b.invalidReason()).put("citation", b.invalidCitation()));

        ObjectNode complaints = page.putObject("complaintChannel");
        complaints.put("contact", complaintContact);
        if (law == Regime.GOVERNMENT_PROCUREMENT) {
            Notice challenge = ruleSets.notice(PublicationNotices.RESULT_CHALLENGE);
            complaints.put("challenge", challenge.both());
            // the window as the rules counted it: from the end of the result's announcement (GPR 53(三))
            deadline(tender, "resultChallengeWindow").ifPresentOrElse(d -> complaints
                    .put("challengeCitation", d.citation())
                    .put("challengeUntil", d.dueAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                    () -> complaints.put("challengeCitation", challenge.citation()));
            Notice complaint = ruleSets.notice(PublicationNotices.RESULT_COMPLAINT_PROCUREMENT);
            complaints.put("complaint", complaint.both()).put("complaintCitation", complaint.citation());
        } else {
            Notice objection = ruleSets.notice(PublicationNotices.RESULT_OBJECTION);
            complaints.put("objection", objection.both()).put("objectionCitation", objection.citation());
            due(tender, "publicity").ifPresent(d -> complaints.put("objectionUntil", d));
            Notice complaint = ruleSets.notice(PublicationNotices.RESULT_COMPLAINT_TENDERING_LAW);
            complaints.put("complaint", complaint.both()).put("complaintCitation", complaint.citation());
        }
        return page;
    }

    private java.util.Optional<String> due(Tender tender, String name) {
        return deadline(tender, name).map(d -> d.dueAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private java.util.Optional<TenderTimeline.Deadline> deadline(Tender tender, String name) {
        return timeline.of(tender.id()).stream().filter(d -> d.name().equals(name) && d.round() == tender.round())
                .reduce((a, b) -> b);
    }
}
