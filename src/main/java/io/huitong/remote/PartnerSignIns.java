package io.huitong.remote;

import static io.huitong.remote.Inputs.invalid;

import io.huitong.interconnect.PeerExchange;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.workflow.TaskActions;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in at this centre's venue for a main centre on another platform: this centre's clerk checks each drawn
 * expert's ID card against this centre's own pool; the name (never the ID number) goes to the main centre, whose
 * committee seats the expert.
 */
@Component
class PartnerSignIns {

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final ExpertPool pool;
    private final Centres centres;
    private final PeerExchange exchange;
    private final TaskActions tasks;
    private final TransactionTemplate transactions;
    private final io.huitong.shared.time.LegalClock clock;

    PartnerSignIns(JdbcClient jdbc, Engagements engagements, ExpertPool pool, Centres centres, PeerExchange exchange,
            TaskActions tasks, TransactionTemplate transactions, io.huitong.shared.time.LegalClock clock) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.pool = pool;
        this.centres = centres;
        this.exchange = exchange;
        this.tasks = tasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Where this centre's expert is drawn to sit for a main centre on another platform: its own venue and the time
     * (the expert's own view, as for an evaluation of this platform).
     */
    List<VenueOperations.Assignment> assignments(String userId) {
        return jdbc.sql("select s.engagement_id, s.seat_no, s.status from partner_seat s join expert x on "
                + "x.id = s.expert_id where x.user_id = ?").param(userId).query((rs, i) -> {
                    PartnerEngagement g = engagements.get(rs.getString("engagement_id"));
                    Centre.Venue venue = centres.venue(g.venueId());
                    return new VenueOperations.Assignment(g.evaluationRef(), g.id() + "#" + rs.getInt("seat_no"),
                            venue.id(), venue.name(), centres.get(venue.centreCode()).name(), g.evaluationStart(),
                            rs.getString("status"));
                }).list();
    }

    /** The seats drawn and not yet signed in: the turns of the sign-in step, one seat each. */
    List<Integer> toSignIn(String engagementId) {
        return jdbc.sql("select seat_no from partner_seat where engagement_id = ? and status = 'DRAWN' order by seat_no")
                .param(engagementId).query(Integer.class).list();
    }

    /** The clerk witnesses a sign-in through the API: the ID number finds the seat drawn for the expert. */
    void signIn(String engagementId, String idNo, Operator operator) {
        transactions.executeWithoutResult(s -> {
            PartnerEngagement g = engagements.get(engagementId);
            if (!tasks.groupsOf(operator.userId()).contains(centres.get(exchange.centre()).groupId())) {
                throw new AccessDeniedException("只有本中心经办人见证签到 / Only this centre's clerks witness sign-ins");
            }
            String expertId = idNo == null ? null : pool.byIdNo(idNo).map(Expert::id).orElse(null);
            Integer seatNo = jdbc.sql("select seat_no from partner_seat where engagement_id = ? and expert_id = ? "
                    + "and status = 'DRAWN'").params(g.id(), expertId).query(Integer.class).optional()
                    .orElseThrow(() -> invalid("idNo", idNo, "该身份证号不是本中心抽中待签到的专家",
                            "The ID number is not one of this centre's drawn experts still to sign in"));
            tasks.completeOne(g.id(), PartnerVenueProcess.SIGN_IN, "seatNo", seatNo, operator,
                    Map.of("idNo", idNo));
        });
    }

    /** The expert's ID card matches the pool; the seat is signed in and the name sent to the main centre. */
    void recordSignIn(String engagementId, Object seatNo, String idNo, Operator operator) {
        PartnerEngagement g = engagements.get(engagementId);
        String expertId = jdbc.sql("select expert_id from partner_seat where engagement_id = ? and seat_no = ? and "
                + "status = 'DRAWN'").params(g.id(), seatNo).query(String.class).optional()
                .orElseThrow(() -> new ConflictException("该席位已签到 / The seat is signed in already"));
        Expert expert = pool.get(expertId);
        if (idNo == null || !expert.idNo().equalsIgnoreCase(idNo.strip())) {
            throw invalid("idNo", idNo, "身份证号与抽取的专家不符", "The ID number is not the drawn expert's");
        }
        jdbc.sql("update partner_seat set status = 'SIGNED_IN' where engagement_id = ? and seat_no = ?")
                .params(g.id(), seatNo).update();
        exchange.send(g.mainCentre(), PeerPartners.SIGNED_IN, g.evaluationRef(), Map.of("expertRef", expertId,
                "name", expert.name(), "witnessedBy", operator.userId(), "at",
                clock.instant().toString()));
    }
}
