package io.huitong.bidding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.credit.CreditRegistry;
import io.huitong.guarantee.ElectronicGuarantees;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.Violation;
import io.huitong.tender.BondForm;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The opening (开标, EB20 29, 31, 32): once the decryption window has closed or every file is settled, a bid not
 * decrypted is deemed revoked or withdrawn; among the decrypted, the checks concerning several bidders invalidate
 * every bid involved and raise collusion flags for the committee; the others become valid. The opening record is
 * kept round by round.
 */
@Service
class Opening {

    static final String OPENING = "BID_OPENING";

    private final Bids bids;
    private final TenderService tenders;
    private final CreditRegistry credit;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final ElectronicGuarantees guarantees;
    private final CollusionCases collusion;
    private final BidderFactRecords bidderFacts;

    Opening(Bids bids, TenderService tenders, CreditRegistry credit, RuleSetRegistry ruleSets,
            DecisionRecords decisionRecords, LegalClock clock, ObjectMapper json, ApplicationEventPublisher events,
            ElectronicGuarantees guarantees, CollusionCases collusion, BidderFactRecords bidderFacts) {
        this.bidderFacts = bidderFacts;
        this.bids = bids;
        this.tenders = tenders;
        this.credit = credit;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.clock = clock;
        this.json = json;
        this.events = events;
        this.guarantees = guarantees;
        this.collusion = collusion;
    }

    /** Opens the round's bids and returns the valid ones. Runs in the caller's transaction. */
    List<Bid> open(String tenderId, int round) {
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RegistrationDecision decisions = tenders.decisions(tender);
        List<Bid> standing = bids.submitted(tenderId, round);
        List<Object> input = new ArrayList<>();
        List<String> parties = new ArrayList<>();
        for (Bid bid : standing) {
            if (!bid.decrypted()) {
                input.add(new UndecryptedBid(decisions.applicableLaw(), bid.id(), bid.bidderName(), bid.holdsBond(),
                        bid.decryptionFault(), bid.decryptionNote()));
                continue;
            }
            // a member counts once it confirmed the bid through its own account (TBL 31; GPL 24): a company named
            // without its consent is no party to the bid, and its own bid stands
            List<String> confirmed = new ArrayList<>(bids.confirmations(bid.id()).stream()
                    .map(ConsortiumConfirmation::memberId).filter(bid.consortiumMembers()::contains).toList());
            if (bid.consortiumMembers().contains(bid.bidderId()) && !confirmed.contains(bid.bidderId())) {
                confirmed.add(bid.bidderId());
            }
            List<String> bidParties = new ArrayList<>(List.of(bid.bidderId()));
            confirmed.stream().filter(m -> !bidParties.contains(m)).forEach(bidParties::add);
            input.add(new OpenedBid(decisions.applicableLaw(), bid.id(), bid.bidderId(), bid.bidderName(),
                    List.copyOf(bidParties), bid.consortiumMembers(), List.copyOf(confirmed),
                    bid.legalRepresentative(), bid.legalRepresentativeIdNo()));
            input.add(DecryptedBid.of(decisions.applicableLaw(), bid));
            parties.addAll(bidParties);
        }
        input.addAll(credit.relationsAmong(parties));
        // what the registry knows of what the files name (a project manager): read only now, opened
        List<Object> bidFacts = List.copyOf(input);
        List<Object> registry = bidderFacts.atOpening(tenderId, input.stream().filter(DecryptedBid.class::isInstance)
                .map(DecryptedBid.class::cast).toList());
        input.addAll(registry);
        RuleSet.Evaluation evaluation = ruleSet.evaluate(tender.bidDeadlineDate(), input);
        Instant now = clock.instant();
        Map<String, DecryptionOutcome> undecrypted = new LinkedHashMap<>();
        evaluation.all(DecryptionOutcome.class).forEach(o -> undecrypted.putIfAbsent(o.bidId(), o));
        for (DecryptionOutcome outcome : undecrypted.values()) {
            bids.save(bids.lock(tenderId, outcome.bidId()).deemUndecrypted(outcome.status(), outcome.reason(),
                    outcome.by().citation()));
        }
        for (BondKept kept : evaluation.all(BondKept.class)) {
            Bid bid = bids.lock(tenderId, kept.bidId());
            if (bid.bondRefundedAt() != null || bid.bondKeptAt() != null) {
                continue;
            }
            bids.save(bid.keepBond(now, kept.reason(), kept.by().citation()));
            if (bid.bondForm() == BondForm.E_GUARANTEE && bid.bondGuaranteeNo() != null) {
                // the tenderer keeps the bond: the e-guarantee is claimed (索赔)
                guarantees.claim(bid.bondGuaranteeNo(), kept.reason(), kept.by().citation());
            }
        }
        Map<String, BidInvalidated> invalid = new LinkedHashMap<>();
        evaluation.all(BidInvalidated.class).forEach(i -> invalid.putIfAbsent(i.bidId(), i));
        for (Bid opened : standing) {
            if (!opened.decrypted()) {
                continue;
            }
            Bid bid = bids.lock(tenderId, opened.id());
            BidInvalidated why = invalid.get(bid.id());
            bids.save(why == null ? bid.admit()
                    : bid.invalidate(why.reasonZh() + " / " + why.reasonEn(), why.by().citation()));
        }
        ObjectNode inputs = json.createObjectNode();
        inputs.set("bids", decisionRecords.facts(bidFacts));
        bidderFacts.keep(inputs, registry);
        inputs.put(DecisionReplay.AS_OF, tender.bidDeadlineDate() == null ? null : tender.bidDeadlineDate().toString());
        List<Violation> found = new ArrayList<>();
        undecrypted.values().forEach(o -> found.add(Violation.of("bid:" + o.bidId(), o.by().rule(), o.by().citation(),
                null, o.bidId(), o.reasonZh(), o.reasonEn())));
        invalid.values().forEach(i -> found.add(Violation.of("bid:" + i.bidId(), i.by().rule(), i.by().citation(),
                null, i.bidId(), i.reasonZh(), i.reasonEn())));
        int decrypted = standing.size() - undecrypted.size();
        String decisionId = UUID.randomUUID().toString();
        List<CollusionFlag> flags = collusion.raise(tenderId, round, evaluation.all(CollusionFinding.class),
                decisionId, now);
        decisionRecords.save(new DecisionRecord(decisionId, OPENING,
                DecisionRecord.Outcome.ACCEPTED, false, tenderId, ruleSet.version(), now, "system", null,
                inputs, json.createObjectNode().put("round", round).put("standing", standing.size())
                        .put("decrypted", decrypted).put("opened", decrypted)
                        .put("valid", decrypted - invalid.size())
                        .<ObjectNode>set("collusionFlags", json.valueToTree(flags))
                        .set(CollusionReplay.KEPT, CollusionReplay.outputs(evaluation, json)),
                evaluation.firedRules(), found));
        saveRecord(tender, round, decisionId, now);
        events.publishEvent(new OpeningEvent(tenderId, round, OpeningEvent.Kind.OPENED, null, decisionId, now));
        // deemed withdrawn (EB20 31): the bond is refunded as after a withdrawal
        undecrypted.values().stream().filter(o -> o.status() == BidStatus.WITHDRAWN)
                .filter(o -> bids.find(o.bidId()).map(Bid::holdsBond).orElse(false))
                .forEach(o -> events.publishEvent(new BidWithdrawn(tenderId, o.bidId())));
        return bids.ofRound(tenderId, round).stream().filter(b -> b.status() == BidStatus.VALID).toList();
    }

    /** The opening record of the round as the opening left it (EB20 32). */
    private void saveRecord(Tender tender, int round, String decisionId, Instant now) {
        List<OpeningRecord.Entry> entries = new ArrayList<>();
        int valid = 0;
        for (Bid b : bids.ofRound(tender.id(), round)) {
            if (!b.openedAtOpening()) {
                continue;
            }
            valid += b.status() == BidStatus.VALID ? 1 : 0;
            String reason = b.status() == BidStatus.VALID ? null : b.invalidReason();
            entries.add(new OpeningRecord.Entry(b.bidderName(), b.submittedAt(), b.sealedHash(), b.decryptedAt(),
                    b.status(), b.decrypted() ? b.price() : null, b.bondForm() == null ? null : b.bondForm().name(),
                    b.bondAmount(), reason, b.status() == BidStatus.VALID ? null : b.invalidCitation()));
        }
        OpeningRecord record = new OpeningRecord(tender.id(), tender.title(), round, tender.bidDeadline(), now,
                decisionId, entries, valid);
        try {
            bids.saveOpeningRecord(tender.id(), round, json.writeValueAsString(record), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every opening record of the tender, round by round. */
    List<OpeningRecord> records(String tenderId) {
        List<OpeningRecord> records = new ArrayList<>();
        for (int round = 1; round <= tenders.get(tenderId).round(); round++) {
            bids.openingRecord(tenderId, round).map(this::read).ifPresent(records::add);
        }
        return records;
    }

    /** The published opening record of the tender's latest opened round, if any. */
    Optional<OpeningRecord> latestRecord(String tenderId) {
        for (int round = tenders.get(tenderId).round(); round >= 1; round--) {
            Optional<String> stored = bids.openingRecord(tenderId, round);
            if (stored.isPresent()) {
                return stored.map(this::read);
            }
        }
        return Optional.empty();
    }

    private OpeningRecord read(String stored) {
        try {
            return json.readValue(stored, OpeningRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
