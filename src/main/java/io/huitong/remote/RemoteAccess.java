package io.huitong.remote;

import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.shared.security.Operator;
import io.huitong.shared.workflow.TaskActions;
import io.huitong.tender.TenderService;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in a remote evaluation. A centre is a candidate group: the main centre's group does the
 * main venue's steps and sees all; a partner centre's group sees and does its own steps only, never another
 * partner's; the tenderer (who registered the tender) forms the committee and takes its decisions (TBL 37; J9; K9);
 * supervisors and administrators oversee.
 */
@Component
public class RemoteAccess {

    private final RemoteEvaluations store;
    private final Centres centres;
    private final TenderService tenders;
    private final TaskActions tasks;

    RemoteAccess(RemoteEvaluations store, Centres centres, TenderService tenders, TaskActions tasks) {
        this.store = store;
        this.centres = centres;
        this.tenders = tenders;
        this.tasks = tasks;
    }

    /**
     * The evaluation a process instance (remote-evaluation or remote-settlement) belongs to: found by the instance,
     * which nobody can rewrite, never by a variable a step could be given.
     */
    public Optional<String> evaluationOfProcess(String processInstanceId) {
        return store.byProcessInstance(processInstanceId).map(RemoteRecords.Evaluation::id);
    }

    /** The tenderer (招标人): the user who registered the tender, who forms the committee and decides (K9). */
    public String tenderer(String evaluationId) {
        return tenders.get(store.get(evaluationId).tenderId()).registeredBy();
    }

    /** The candidate group of a centre. */
    public String groupOf(String centreCode) {
        return centres.get(centreCode).groupId();
    }

    public String groupOfVenue(String venueId) {
        return groupOf(centres.venue(venueId).centreCode());
    }

    public String groupOfSeat(String seatId) {
        return groupOf(store.seat(seatId).centreCode());
    }

    /** The operator's centres (by group membership). */
    List<Centre> centresOf(Operator operator) {
        return centres.ofGroups(tasks.groupsOf(operator.userId()));
    }

    boolean isMain(RemoteRecords.Evaluation e, Operator operator) {
        return tasks.groupsOf(operator.userId()).contains(groupOf(e.mainCentre()));
    }

    boolean isOverseer(Operator operator) {
        List<String> groups = tasks.groupsOf(operator.userId());
        return groups.contains("camunda-admin") || groups.contains("supervisor");
    }

    /** Who the operator is to the evaluation, and which centres' parts it sees. */
    record Access(String role, boolean all, Set<String> centres) {
    }

    Access access(RemoteRecords.Evaluation e, Operator operator) {
        if (isOverseer(operator)) {
            return new Access("OVERSEER", true, Set.of());
        }
        if (isMain(e, operator)) {
            return new Access("MAIN", true, Set.of(e.mainCentre()));
        }
        Set<String> partners = new HashSet<>();
        List<String> involved = store.partners(e.id()).stream().filter(p -> p.requestedAt() != null)
                .map(Partner::centreCode).toList();
        centresOf(operator).stream().map(Centre::code).filter(involved::contains).forEach(partners::add);
        return partners.isEmpty() ? new Access("NONE", false, Set.of()) : new Access("PARTNER", false, partners);
    }

    void requireMain(RemoteRecords.Evaluation e, Operator operator) {
        if (!isMain(e, operator) && !tasks.groupsOf(operator.userId()).contains("camunda-admin")) {
            throw new AccessDeniedException("只有主场交易中心办理 / Only the main centre does this");
        }
    }

    /** The tenderer forms the committee and takes its decisions (TBL 37; J9; K9); administrators too. */
    void requireTenderer(RemoteRecords.Evaluation e, Operator operator) {
        String tenderer = tenders.get(e.tenderId()).registeredBy();
        if (!operator.userId().equals(tenderer) && !tasks.groupsOf(operator.userId()).contains("camunda-admin")) {
            throw new AccessDeniedException("只有本项目的招标人办理 / Only this tender's tenderer does this");
        }
    }

    void requireCentre(String centre, Operator operator) {
        if (!tasks.groupsOf(operator.userId()).contains(groupOf(centre))) {
            throw new AccessDeniedException("只能办理本中心的事项 / Only your own centre's steps");
        }
    }

    void requireCentreOrMain(RemoteRecords.Evaluation e, String centre, Operator operator) {
        List<String> groups = tasks.groupsOf(operator.userId());
        if (!groups.contains(groupOf(centre)) && !groups.contains(groupOf(e.mainCentre()))) {
            throw new AccessDeniedException("只能办理本中心的事项 / Only your own centre's steps");
        }
    }
}
