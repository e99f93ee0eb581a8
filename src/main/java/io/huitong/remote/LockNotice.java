package io.huitong.remote;

import io.huitong.remote.RemoteRecords.LinkFailure;
import io.huitong.remote.RemoteRecords.Status;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.rules.policy.Parameter;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a centre is told while an evaluation is locked because a link failed (J6): that every venue is locked and
 * its materials sealed, since when, where the failure is as far as the centre may know ("your venue", "the main
 * venue" or "another venue": a partner never learns which other partner, nor its data), which threshold of the
 * local rule applies — before the start, past {@code remote.link-failure.before-start.hours} after the scheduled
 * start the tenderer decides (J9); during the evaluation, not back within {@code remote.link-failure.during.hours}
 * it is postponed and a new committee formed (J10) — with the moment it is reached, and what the centre waits for.
 */
@Component
class LockNotice {

    static final String BEFORE_START = "remote.link-failure.before-start.hours";
    static final String DURING = "remote.link-failure.during.hours";
    /** Times in messages: China's time, as a clerk reads it. */
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC+8)'");

    private final RemoteEvaluations store;
    private final LinkFailures links;
    private final TenderService tenders;
    private final RuleSetRegistry ruleSets;
    private final LegalClock clock;

    LockNotice(RemoteEvaluations store, LinkFailures links, TenderService tenders, RuleSetRegistry ruleSets,
            LegalClock clock) {
        this.store = store;
        this.links = links;
        this.tenders = tenders;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /**
     * The lock as one party sees it.
     *
     * @param failedAt {@code YOUR_VENUE}, {@code MAIN_VENUE} or {@code ANOTHER_VENUE} (to the main centre and
     *        overseers: {@code PARTNER_VENUE} with its {@code venueId})
     * @param venueId the failing venue, only to those who may see it
     * @param stage {@code BEFORE_START} or {@code DURING}
     * @param rule J9 or J10, with the parameter's citation and hours
     * @param thresholdReached whether that moment has passed
     * @param afterThreshold {@code TENDERER_DECIDES} (J9) or {@code POSTPONED} (J10)
     * @param waitingFor {@code RESTORATION} and/or {@code TENDERER_DECISION}
     */
    public record Lock(String status, Instant since, String failedAt, String venueId, String stage, String rule,
            String citation, BigDecimal thresholdHours, OffsetDateTime thresholdAt, boolean thresholdReached,
            String afterThreshold, List<String> waitingFor, String message) {
    }

    /** The lock, or null when the evaluation is not locked. */
    Lock of(RemoteRecords.Evaluation e, RemoteAccess.Access access) {
        if (e.status() != Status.LOCKED) {
            return null;
        }
        LinkFailure failure = store.failures(e.id()).stream().filter(LinkFailure::isOpen).reduce((a, b) -> b)
                .orElse(null);
        if (failure == null) {
            return null;
        }
        Set<String> own = access.centres();
        String failingCentre = store.partners(e.id()).stream().filter(p -> failure.venueId().equals(p.venueId()))
                .map(RemoteRecords.Partner::centreCode).findFirst().orElse(null);
        boolean mainVenue = failure.venueId().equals(e.mainVenueId());
        boolean yours = !access.all() && (mainVenue ? own.contains(e.mainCentre()) : own.contains(failingCentre));
        String failedAt = yours ? "YOUR_VENUE" : mainVenue ? "MAIN_VENUE" : access.all() ? "PARTNER_VENUE"
                : "ANOTHER_VENUE";
        String venueId = access.all() || yours ? failure.venueId() : null;

        boolean before = "BEFORE_START".equals(failure.stage());
        Parameter parameter = parameter(e, before ? BEFORE_START : DURING);
        Instant thresholdAt = (before ? links.beforeStartThreshold(e.id()) : links.duringThreshold(e.id()))
                .toInstant();
        Instant now = clock.instant();
        boolean reached = !now.isBefore(thresholdAt);
        OffsetDateTime at = OffsetDateTime.ofInstant(thresholdAt, LegalClock.CHINA);
        Instant since = failure.sealedAt() != null ? failure.sealedAt() : failure.reportedAt();
        // the figure in force on the bid deadline's day, as RemotePolicy reads it for the timers
        var tender = tenders.get(e.tenderId());
        java.math.BigDecimal figure = ruleSets.version(tender.ruleSetVersion()).policy().parameters()
                .on(tender.bidDeadlineDate()).amount(before ? BEFORE_START : DURING);
        String hours = figure.stripTrailingZeros().toPlainString();
        String whereZh = switch (failedAt) {
            case "YOUR_VENUE" -> "贵中心评标室";
            case "MAIN_VENUE" -> "主场";
            case "PARTNER_VENUE" -> "副场评标室";
            default -> "另一评标场地";
        };
        String whereEn = switch (failedAt) {
            case "YOUR_VENUE" -> "your venue";
            case "MAIN_VENUE" -> "the main venue";
            case "PARTNER_VENUE" -> "a partner's venue";
            default -> "another venue";
        };
        String sinceText = TIME.format(since.atZone(LegalClock.CHINA));
        String atText = TIME.format(at);
        String head = "因" + whereZh + "视频链路故障，自 " + sinceText + " 起各评标场地均已锁定系统、封存资料 (J6)。";
        String headEn = "Every venue is locked and its materials sealed since " + sinceText
                + " because the video link failed at " + whereEn + " (J6). ";
        List<String> waiting;
        String zh;
        String en;
        if (before) {
            if (!reached) {
                waiting = List.of("RESTORATION", "TENDERER_DECISION");
                zh = head + "等待链路恢复；至 " + atText + "（计划开始时间后" + hours + "小时）仍未恢复的，由招标人决定是否继续评标（"
                        + parameter.citation() + "）。";
                en = headEn + "Waiting for the link to be restored; if it is not by " + atText + " (" + hours
                        + " h past the scheduled start), the tenderer decides whether to go on (" + parameter.citation()
                        + ").";
            } else {
                waiting = List.of("TENDERER_DECISION");
                zh = head + "已超过计划开始时间后" + hours + "小时（" + atText + "），等待招标人决定继续评标或推迟（推迟将重新组建评标委员会）（"
                        + parameter.citation() + "）。";
                en = headEn + "More than " + hours + " h past the scheduled start (" + atText + "): waiting for the "
                        + "tenderer to go on or postpone (a postponement forms a new committee) ("
                        + parameter.citation() + ").";
            }
        } else {
            waiting = List.of("RESTORATION");
            zh = head + "评标暂停，等待链路恢复；至 " + atText + "（故障后" + hours + "小时）仍未恢复的，推迟评标、重新组建评标委员会，已有评分作废（"
                    + parameter.citation() + "）。";
            en = headEn + "The evaluation is paused, waiting for the link to be restored; if it is not by " + atText + " ("
                    + hours + " h after the failure), it is postponed and a new committee formed, the scores void ("
                    + parameter.citation() + ").";
        }
        return new Lock(e.status().name(), since, failedAt, venueId, failure.stage(), before ? "J9" : "J10",
                parameter.citation(), figure, at, reached, before ? "TENDERER_DECIDES" : "POSTPONED",
                waiting, zh + " / " + en);
    }

    private Parameter parameter(RemoteRecords.Evaluation e, String key) {
        return ruleSets.version(tenders.get(e.tenderId()).ruleSetVersion()).policy().parameters().asMap().get(key);
    }
}
