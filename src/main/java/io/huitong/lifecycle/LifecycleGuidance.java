package io.huitong.lifecycle;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidService;
import io.huitong.rules.Notice;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.tender.Regime;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the tenderer and the approvers of the lifecycle see with their steps: the decisions and their articles
 * (shown in Tasklist by the step adapter {@code steps/LifecycleGuide}).
 */
@Component
public class LifecycleGuidance {

    private final TenderService tenders;
    private final BidService bids;
    private final LegalPeriods periods;
    private final Objections objections;
    private final RuleSetRegistry ruleSets;

    LifecycleGuidance(TenderService tenders, BidService bids, LegalPeriods periods, Objections objections,
            RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.tenders = tenders;
        this.bids = bids;
        this.periods = periods;
        this.objections = objections;
    }

    /**
     * The guide of the lifecycle's step {@code key} for the tender, or null for a step without one.
     *
     * @param newMethod the method asked for, on the approval of a change of method
     * @param reason its reasons
     */
    public String explain(String key, String id, Object newMethod, Object reason) {
        Tender tender = tenders.get(id);
        boolean tl = periods.facts(tender).law() == Regime.TENDERING_LAW;
        return switch (key) {
            case LifecycleProcess.DECIDE_AFTER_FAILURE -> "失败原因 Why it failed：" + tender.outcomeReason() + "\n"
                    + "第 " + tender.round() + " 轮。" + ruleSets.notice(tl
                            ? LifecycleNotices.GUIDE_AFTER_FAILURE_TENDERING_LAW
                            : LifecycleNotices.GUIDE_AFTER_FAILURE_PROCUREMENT).cited();
            case LifecycleProcess.APPROVE_METHOD_CHANGE -> "申请变更为 Asked：" + newMethod
                    + "；理由 Reasons：" + reason + "\n失败原因 Why it failed："
                    + tender.outcomeReason() + "\n审批依据 Basis：" + basis(ruleSets.notice(tl
                            ? LifecycleNotices.GUIDE_METHOD_CHANGE_BASIS_TENDERING_LAW
                            : LifecycleNotices.GUIDE_METHOD_CHANGE_BASIS_PROCUREMENT));
            case LifecycleProcess.CHOOSE_WINNER, LifecycleProcess.DETERMINE_WINNER -> candidates(tender, tl);
            case LifecycleProcess.ANSWER_OBJECTION, LifecycleProcess.ANSWER_PUBLICITY_OBJECTION ->
                    "待答复的异议 Objections to answer (" + within(periods.period(tender,
                            tl && key.equals(LifecycleProcess.ANSWER_PUBLICITY_OBJECTION) ? "publicityObjectionAnswer"
                                    : "objectionAnswer")) + ")：\n" + objections.pending(id).stream().filter(o -> o.round() == tender.round())
                            .map(o -> "· " + o.id() + "（" + o.raisedByParty() + "）：" + o.content())
                            .collect(Collectors.joining("\n"));
            default -> null;
        };
    }

    private String candidates(Tender tender, boolean tl) {
        String list = bids.ofRound(tender.id(), tender.round()).stream().filter(b -> b.candidateRank() != null)
                .sorted(Comparator.comparing(Bid::candidateRank))
                .map(b -> "第" + b.candidateRank() + "名 Rank " + b.candidateRank() + "：" + b.bidderName() + "（投标编号 bid "
                        + b.id() + "，总分 " + b.totalScore() + "）")
                .collect(Collectors.joining("\n"));
        String rule = !tl ? "采购人应在" + within(periods.period(tender, "winnerDetermination"))
                + "在候选人中按顺序确定；不选第一名须说明其放弃或不能履行的理由，逾期视为确定第一名"
                : ruleSets.notice(periods.winnerByRank(tender) ? LifecycleNotices.GUIDE_WINNER_BY_RANK
                        : LifecycleNotices.GUIDE_WINNER_TENDERING_LAW).cited();
        return "中标候选人 Candidates：\n" + list + "\n依据 Rule：" + rule;
    }

    /** Who approves, under which articles: "TBL 28; TBR 44（项目审批部门 / the project's approval department）". */
    private static String basis(Notice notice) {
        return notice.citation() + "（" + notice.both() + "）";
    }

    /** A period as the guide states it, from the rule that sets it: "5个工作日内 (O87 68)". */
    private static String within(LegalPeriod period) {
        return period.length() + period.unit().zh() + "内 (" + period.by().citation() + ")";
    }
}
