package io.huitong.remote;

import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the data remote evaluation runs on: centres and their venues, agreements between centres, and the shared
 * expert pool (J3: the pool's keepers publish the shared experts; centres their workstations).
 */
@Component
public class PoolAdmin {

    private final Centres centres;
    private final ExpertPool pool;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final CentreAccess access;

    PoolAdmin(Centres centres, ExpertPool pool, IdentityService identity, TransactionTemplate transactions,
            LegalClock clock, CentreAccess access) {
        this.access = access;
        this.centres = centres;
        this.pool = pool;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Centre addCentre(String code, String name, String regionCode, String groupId) {
        return transactions.execute(s -> {
            if (centres.find(code).isPresent()) {
                throw new ConflictException("交易中心已存在 / The centre exists: " + code);
            }
            if (centres.all().stream().anyMatch(c -> c.groupId().equals(groupId))) {
                throw new ConflictException("该用户组已属于另一交易中心 / The group belongs to another centre: " + groupId);
            }
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                throw invalid("groupId", groupId, "请先在用户管理中建立该中心的用户组",
                        "Create the centre's group first (Camunda Admin)");
            }
            centres.insert(new Centre(code, name, regionCode, groupId, null, List.of()), clock.instant());
            access.grant(groupId);
            return centres.get(code);
        });
    }

    public Centre.Venue addVenue(String centreCode, String name, int seats) {
        return transactions.execute(s -> {
            centres.get(centreCode);
            return centres.addVenue(centreCode, name, seats);
        });
    }

    /** An agreement, recorded by an administrator or a director of the main centre. */
    public Agreement addAgreement(Agreement a, io.huitong.shared.security.Operator operator) {
        return transactions.execute(s -> {
            Centre main = centres.get(a.mainCentre());
            centres.get(a.partnerCentre());
            List<String> groups = identity.createGroupQuery().groupMember(operator.userId()).list().stream()
                    .map(org.camunda.bpm.engine.identity.Group::getId).toList();
            if (!groups.contains("camunda-admin") && !groups.contains(main.groupId())) {
                throw new org.springframework.security.access.AccessDeniedException(
                        "只能为本中心登记协作协议 / Only your own centre's agreements");
            }
            if (a.mainCentre().equals(a.partnerCentre())) {
                throw invalid("partnerCentre", a.partnerCentre(), "协作协议须在两个中心之间", "An agreement binds two centres");
            }
            if (centres.agreement(a.mainCentre(), a.partnerCentre()).isPresent()) {
                throw new ConflictException("协作协议已存在 / The agreement exists");
            }
            return centres.insert(a);
        });
    }

    public Expert addExpert(Expert e) {
        return transactions.execute(s -> {
            centres.get(e.centreCode());
            if (identity.createUserQuery().userId(e.userId()).memberOfGroup("evaluation-expert").count() == 0) {
                throw invalid("userId", e.userId(), "专家须为评标专家组的用户，才能签到和评分",
                        "An expert is a user of evaluation-expert, to sign in and score");
            }
            if (pool.byUser(e.userId()).isPresent() || pool.byIdNo(e.idNo()).isPresent()) {
                throw new ConflictException("专家已在库中 / The expert is in the pool already");
            }
            return pool.insert(e, clock.instant());
        });
    }

    public Expert addAbsence(String expertId, Expert.Absence absence) {
        return transactions.execute(s -> {
            pool.get(expertId);
            if (absence.to().isBefore(absence.from())) {
                throw invalid("to", absence.to(), "结束日期不得早于开始日期", "The last day is not before the first");
            }
            pool.addAbsence(expertId, new Expert.Absence(absence.from(), absence.to(), absence.reason(),
                    clock.instant()));
            return pool.get(expertId);
        });
    }

    public List<Centre> centres() {
        return centres.all();
    }

    /** The agreements the operator may see: its own centres' (the terms are between the two), all for overseers. */
    public List<Agreement> agreements(io.huitong.shared.security.Operator operator) {
        List<String> groups = identity.createGroupQuery().groupMember(operator.userId()).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        if (groups.contains("camunda-admin") || groups.contains("supervisor")) {
            return centres.agreements();
        }
        List<String> own = centres.ofGroups(groups).stream().map(Centre::code).toList();
        return centres.agreements().stream()
                .filter(a -> own.contains(a.mainCentre()) || own.contains(a.partnerCentre())).toList();
    }

    public List<Expert> experts() {
        return pool.all();
    }

    public Expert expert(String id) {
        return pool.get(id);
    }

    private static ValidationException invalid(String field, Object value, String zh, String en) {
        return new ValidationException(List.of(Violation.of(field, "validation." + field, null, null, value, zh, en)));
    }
}
