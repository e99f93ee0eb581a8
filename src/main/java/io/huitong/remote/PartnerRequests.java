package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.remote.RemoteRecords.PartnerStatus;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.workflow.TaskActions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The main venue asks partner centres for seats and experts (协作请求, J4; docs/domain.md §4.1–2): one partner at a
 * time, in the order the main centre prefers (its agreements in force, then those it added); each accepts with a
 * venue of its own that has the seats, or refuses with reasons; no answer in time counts as a refusal.
 */
@Component
public class PartnerRequests {

    private final RemoteEvaluations store;
    private final Centres centres;
    private final RemotePolicy policy;
    private final RemoteAccess access;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final LegalClock clock;

    PartnerRequests(RemoteEvaluations store, Centres centres, RemotePolicy policy, RemoteAccess access,
            TaskActions tasks, TransactionTemplate transactions, LegalClock clock) {
        this.store = store;
        this.centres = centres;
        this.policy = policy;
        this.access = access;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** How many partners are not asked yet: the turns of the asking loop, one partner each. */
    public int partnersToAsk(String evaluationId) {
        return (int) store.partners(evaluationId).stream().filter(p -> p.status() == PartnerStatus.PENDING).count();
    }

    public boolean enoughPartners(String evaluationId) {
        return store.accepted(evaluationId).size() >= policy.partnerVenues(store.get(evaluationId));
    }

    public List<String> acceptedPartners(String evaluationId) {
        return store.accepted(evaluationId).stream().map(Partner::centreCode).toList();
    }

    /**
     * The next partner not asked yet, in the order the main centre prefers, is asked: the request goes to it with
     * the seats it is asked for and the time to answer. Returns the partner's centre.
     */
    public String askNext(String evaluationId) {
        String next = store.partners(evaluationId).stream().filter(p -> p.status() == PartnerStatus.PENDING)
                .map(Partner::centreCode).findFirst().orElseThrow();
        RemoteRecords.Evaluation e = store.get(evaluationId);
        int hours = policy.parameter(e, "remote.partner-answer.hours").intValue();
        Instant now = clock.instant();
        RemotePolicy.Allocation allocation = policy.allocation(e);
        store.requested(evaluationId, next, allocation.perPartner() + (allocation.remainder() > 0 ? 1 : 0), now,
                OffsetDateTime.ofInstant(now.plus(Duration.ofHours(hours)), LegalClock.CHINA));
        return next;
    }

    public Date answerDue(String evaluationId, String centre) {
        return Date.from(store.partner(evaluationId, centre).answerDue().toInstant());
    }

    /** No answer in time counts as a refusal (docs/domain.md §4.2); the next partner is asked. */
    public void timedOut(String evaluationId, String centre) {
        store.answered(evaluationId, centre, PartnerStatus.TIMED_OUT, null, "逾期未答复 / No answer in time", "system",
                clock.instant());
    }

    /** The venues a partner may offer: label (name and seats) and value (its id), for the answer's choice. */
    public List<Map<String, String>> venueOptions(String centre) {
        return centres.venues(centre).stream().map(v -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", v.name() + "（" + v.seats() + " 席 seats）");
            option.put("value", v.id());
            return option;
        }).toList();
    }

    /** A partner centre answers the request addressed to it (the step records the answer: {@link #recordAnswer}). */
    public void answer(String evaluationId, String centre, Boolean accept, String venueId, String reason,
            Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            access.requireCentre(centre, operator);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("accepted", accept);
            vars.put("venueId", venueId);
            vars.put("reason", reason);
            tasks.completeOne(e.tenderId(), RemoteProcess.ANSWER_REQUEST, RemoteProcess.PARTNER_CENTRE, centre,
                    operator, vars);
        });
    }

    /** A partner accepts with a venue of its own that has the seats, or refuses with reasons. */
    public void recordAnswer(String evaluationId, String centre, Object accepted, String venueId, String reason,
            Operator operator) {
        if (!(accepted instanceof Boolean yes)) {
            throw invalid("accepted", accepted, "请选择接受或拒绝协作请求", "Accept or refuse the request: choose one");
        }
        Partner partner = store.partner(evaluationId, centre);
        if (yes) {
            Centre.Venue venue = venueId == null ? null : centres.venues(centre).stream()
                    .filter(v -> v.id().equals(venueId)).findFirst().orElse(null);
            if (venue == null) {
                throw invalid("venueId", venueId, "请选择本中心的评标室", "Choose one of your centre's venues");
            }
            int needed = partner.expertSeats() == null ? 0 : partner.expertSeats();
            if (venue.seats() < needed) {
                throw invalid("venueId", venue.seats(), "评标室席位不足（需要" + needed + "个）",
                        "The venue has too few seats (" + needed + " needed)");
            }
        } else if (reason == null) {
            throw invalid("reason", null, "拒绝须说明理由", "A refusal gives its reasons");
        }
        store.answered(evaluationId, centre, yes ? PartnerStatus.ACCEPTED : PartnerStatus.REFUSED,
                yes ? venueId : null, reason, operator.userId(), clock.instant());
    }

    /** The main venue adds partners to ask (the step records them: {@link #recordMorePartners}). */
    public void addMorePartners(String evaluationId, List<String> partners, Operator operator) {
        transactions.executeWithoutResult(s -> {
            RemoteRecords.Evaluation e = store.get(evaluationId);
            access.requireMain(e, operator);
            tasks.complete(e.tenderId(), RemoteProcess.ADD_PARTNERS, operator,
                    Map.of("partners", String.join(",", partners)));
        });
    }

    /** The main venue adds partners to ask (comma-separated) when those asked refused or did not answer. */
    public void recordMorePartners(String evaluationId, String given) {
        if (given != null) {
            addPartners(evaluationId, List.of(given.split("\\s*,\\s*")));
        }
        if (partnersToAsk(evaluationId) == 0) {
            throw invalid("partners", given, "请增加尚未请求过的副场", "Add partner centres not asked before");
        }
    }

    void addPartners(String evaluationId, List<String> partners) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        Set<String> known = new HashSet<>();
        store.partners(evaluationId).forEach(p -> known.add(p.centreCode()));
        for (String p : partners) {
            if (p.isBlank() || known.contains(p)) {
                continue;
            }
            if (!partnerable(e, p)) {
                throw invalid("partners", p, "副场须为与主场签有有效协作协议的其他交易中心",
                        "A partner is another centre with an agreement in force (J4)");
            }
            store.addPartner(evaluationId, p);
            known.add(p);
        }
    }

    /** Another centre with which the main centre has an agreement in force (J4: compensation by agreement). */
    boolean partnerable(RemoteRecords.Evaluation e, String centre) {
        return !centre.equals(e.mainCentre()) && centres.find(centre).isPresent()
                && centres.agreement(e.mainCentre(), centre).map(a -> a.validOn(clock.today())).orElse(false);
    }
}
