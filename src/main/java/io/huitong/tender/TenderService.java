package io.huitong.tender;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.time.LegalClock;
import io.huitong.tender.registration.RegistrationDecision;
import io.huitong.tender.registration.RegistrationFacts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Tenders for the other modules: read one, or change it through one of its guarded transitions. A change runs
 * in the caller's transaction and fails with a conflict when someone else changed the tender meanwhile.
 */
@Service
public class TenderService {

    private final Tenders tenders;
    private final ObjectMapper json;

    TenderService(Tenders tenders, ObjectMapper json) {
        this.tenders = tenders;
        this.json = json;
    }

    public Tender get(String id) {
        return tenders.get(id);
    }

    /** The tender with its row locked until the caller's transaction ends. */
    public Tender lock(String id) {
        return tenders.lock(id);
    }

    /** Loads the tender (locked), applies the transition and saves it. */
    public Tender change(String id, Consumer<Tender> transition) {
        Tender tender = tenders.lock(id);
        transition.accept(tender);
        tenders.update(tender);
        return tender;
    }

    /** What the purchaser registered. */
    public RegistrationRequest registration(Tender tender) {
        return read(tender.registrationJson(), RegistrationRequest.class);
    }

    /**
     * The registration facts of the tender with other dates: the bidding periods are decided again whenever the
     * dates change (a clarification moves the deadline, a new round).
     */
    public RegistrationFacts facts(Tender tender, LocalDate documentIssueDate, OffsetDateTime bidDeadline,
            boolean afterFailedTender, LocalDate today) {
        return facts(tender, documentIssueDate, bidDeadline, afterFailedTender, false, today);
    }

    /** The same, with the SME reservation lifted when too few SMEs qualified (SME46 10). */
    public RegistrationFacts facts(Tender tender, LocalDate documentIssueDate, OffsetDateTime bidDeadline,
            boolean afterFailedTender, boolean liftReservation, LocalDate today) {
        RegistrationRequest r = registration(tender);
        return RegistrationFacts.normalised(r.regime(), r.category(), r.serviceKind(), r.estimatedAmount(),
                r.budgetFunds(), r.totalInvestment(), r.isStateControlled(), r.isForeignLoanOrAid(), r.regionCode(),
                r.procurementMethod(), r.invitationGround(), r.approvedProcurementMethod(),
                afterFailedTender || r.isAfterFailedTender(), r.isElectronicDocuments(),
                r.isSuitableForSme() && !liftReservation,
                r.documentFee(), r.bidBondAmount(), r.bidBondForms(), documentIssueDate,
                bidDeadline.atZoneSameInstant(LegalClock.CHINA).toLocalDate(), today, r.tieBreak());
    }

    /** What the rules decided at registration, under the tender's rule-set version. */
    public RegistrationDecision decisions(Tender tender) {
        return read(tender.decisionsJson(), RegistrationDecision.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }
}
