package io.huitong.qualification;

import io.huitong.lifecycle.Tenderers;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What each tender's documents require of a bidder, set by its tenderer (or a centre clerk for it) until bidding
 * opens: the documents are published with the announcement, and what they ask is fixed from then on.
 */
@Service
public class Requirements {

    private static final Set<TenderStatus> OPEN = EnumSet.of(TenderStatus.PENDING_APPROVAL, TenderStatus.RETURNED,
            TenderStatus.APPROVED);

    private final JdbcClient jdbc;
    private final TenderService tenders;
    private final Tenderers tenderers;
    private final IdentityService identity;
    private final Clock clock;

    Requirements(JdbcClient jdbc, TenderService tenders, Tenderers tenderers, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.tenderers = tenderers;
        this.identity = identity;
        this.clock = clock;
    }

    public Optional<BidderRequirements> of(String tenderId) {
        return jdbc.sql("select * from bidder_requirement where tender_id = ?").param(tenderId)
                .query((rs, i) -> new BidderRequirements(rs.getString("qualification_kind"),
                        rs.getString("qualification_grade"), rs.getString("manager_speciality"),
                        rs.getString("performance_kind"), (Integer) rs.getObject("performance_count"),
                        rs.getBigDecimal("performance_min_amount"), (Integer) rs.getObject("performance_years")))
                .optional();
    }

    public BidderRequirements set(String tenderId, BidderRequirements r, Operator operator) {
        Tender tender = tenders.get(tenderId);
        boolean clerk = identity.createUserQuery().userId(operator.userId()).memberOfGroup(Groups.CENTRE_CLERK)
                .count() > 0;
        if (!clerk && !tenderers.actsAsTenderer(tenderId, operator.userId())) {
            throw new AccessDeniedException("只有本项目的招标人或中心经办人设定 / Only this tender's tenderer or a centre "
                    + "clerk sets this");
        }
        if (!OPEN.contains(tender.status())) {
            throw new ConflictException("招标文件已发布（" + tender.status().label() + "），资格条件不得再改 / The documents "
                    + "are published: what they require is fixed");
        }
        if ((r.qualificationKind() == null) != (r.qualificationGrade() == null)) {
            throw ValidationException.of(r.qualificationKind() == null ? "qualificationKind" : "qualificationGrade",
                    null, null, "资质类别与等级须同时填写", "Give the qualification's kind and grade together");
        }
        boolean performance = r.performanceCount() != null && r.performanceCount() > 0;
        if (performance && r.performanceYears() == null) {
            throw ValidationException.of("performanceYears", null, null, "要求业绩时须写明近几年",
                    "Performance asked for names its period in years");
        }
        jdbc.sql("delete from bidder_requirement where tender_id = ?").param(tenderId).update();
        jdbc.sql("""
                insert into bidder_requirement (tender_id, qualification_kind, qualification_grade, manager_speciality,
                    performance_kind, performance_count, performance_min_amount, performance_years, set_by, set_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenderId, r.qualificationKind(), r.qualificationGrade(), r.managerSpeciality(),
                        r.performanceKind(), r.performanceCount(), r.performanceMinAmount(), r.performanceYears(),
                        operator.userId(), Timestamp.from(clock.instant()))
                .update();
        return of(tenderId).orElseThrow();
    }
}
