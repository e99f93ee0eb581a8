package io.huitong.remote;

import io.huitong.remote.PartnerRecordStore.Answer;
import io.huitong.remote.RemoteRecords.Partner;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A partner confirms or disputes the compensation its agreement gives it (副场补偿, J4, J16), once it is settled:
 * agreed, or disputed with its reasons. Every answer is kept (the HTTP audit records each request); the latest is
 * the partner's position, which the main centre sees in the settlement. A partner answers for its own centre only.
 */
@Component
public class CompensationConfirmation {

    private final RemoteEvaluations evaluations;
    private final RemoteAccess access;
    private final PartnerRecordStore store;
    private final LegalClock clock;

    CompensationConfirmation(RemoteEvaluations evaluations, RemoteAccess access, PartnerRecordStore store, LegalClock clock) {
        this.evaluations = evaluations;
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    /** A partner's answer as the main centre and the partner see it. */
    public record AnswerView(boolean agreed, String reason, BigDecimal compensation, String answeredBy,
            Instant answeredAt) {

        static AnswerView of(Answer a) {
            return new AnswerView(a.agreed(), a.reason(), a.compensation(), a.answeredBy(), a.answeredAt());
        }
    }

    public AnswerView answer(String evaluationId, String centre, Boolean agree, String reason, Operator operator) {
        RemoteRecords.Evaluation e = evaluations.get(evaluationId);
        RemoteAccess.Access access = this.access.access(e, operator);
        if (access.role().equals("NONE")) {
            throw new NotFoundException("没有该远程异地评标 / No remote evaluation " + evaluationId);
        }
        Set<String> partners = evaluations.partners(evaluationId).stream().map(Partner::centreCode)
                .collect(Collectors.toSet());
        List<String> mine = access.all() ? List.of()
                : access.centres().stream().filter(partners::contains).toList();
        String own;
        if (centre != null && !centre.isBlank()) {
            own = centre.strip();
            if (!mine.contains(own)) {
                throw new AccessDeniedException("只能答复本中心的补偿 / Only your own centre's compensation");
            }
        } else if (mine.size() == 1) {
            own = mine.get(0);
        } else if (mine.isEmpty()) {
            throw new AccessDeniedException("只有副场答复其补偿 / Only a partner centre answers its compensation");
        } else {
            throw new ValidationException(List.of(Violation.of("centre", "validation.NotBlank", null, null, null,
                    "请写明答复哪一个中心的补偿", "Name the centre whose compensation you answer")));
        }
        if (agree == null) {
            throw new ValidationException(List.of(Violation.of("agree", "validation.NotNull", "J16", null, null,
                    "请选择确认或提出异议", "Agree or dispute: choose one")));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!agree && why == null) {
            throw new ValidationException(List.of(Violation.of("reason", "validation.NotBlank", "J4; J16", null, null,
                    "对补偿提出异议须说明理由", "A dispute gives its reasons")));
        }
        Partner partner = evaluations.partners(evaluationId).stream().filter(p -> p.centreCode().equals(own)).findFirst()
                .orElseThrow();
        if (partner.settledAt() == null || partner.compensation() == null) {
            throw new ConflictException("补偿尚未按协议结算（资料移交后结算）/ The compensation is not settled yet: it is "
                    + "settled by the agreement once the records are handed back");
        }
        store.answer(evaluationId, own, agree, agree ? null : why, partner.compensation(), operator.userId(),
                clock.instant());
        return AnswerView.of(store.answer(evaluationId, own).orElseThrow());
    }

    /** The partner's latest answer, if any. */
    AnswerView latest(String evaluationId, String centre) {
        return store.answer(evaluationId, centre).map(AnswerView::of).orElse(null);
    }
}
