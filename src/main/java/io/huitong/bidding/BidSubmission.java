package io.huitong.bidding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.certification.CertificateVerdict;
import io.huitong.certification.CertificateVerification;
import io.huitong.credit.CreditRegistry;
import io.huitong.guarantee.ElectronicGuarantees;
import io.huitong.guarantee.GuaranteeOnRecord;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.audit.AuditFilter;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.BondForm;
import io.huitong.tender.RegistrationRequest;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Until the deadline: a bidder submits (or replaces) its sealed bid, withdraws it, and the members of a consortium
 * confirm the bid that names them. A bid is decided by the rules of the tender's rule-set version at submission —
 * deadline, suspension, bond, the bidder's eligibility — and every decision is recorded.
 */
@Service
public class BidSubmission {

    /** The kind of the decision record of a submission (sealed until the opening, see {@link SealedBids}). */
    static final String SUBMISSION = "BID_SUBMISSION";

    private final Bids bids;
    private final TenderService tenders;
    private final CreditRegistry credit;
    private final RuleSetRegistry ruleSets;
    private final DecisionRecords decisionRecords;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final SealedFiles sealedFiles;
    private final ElectronicGuarantees guarantees;
    private final BidderAccounts accounts;
    private final BidOwnership owners;
    private final CertificateVerification signatures;
    private final BidderFactRecords bidderFacts;

    BidSubmission(Bids bids, TenderService tenders, CreditRegistry credit, RuleSetRegistry ruleSets,
            DecisionRecords decisionRecords, TransactionTemplate transactions, LegalClock clock, ObjectMapper json,
            ApplicationEventPublisher events, SealedFiles sealedFiles, ElectronicGuarantees guarantees,
            BidderAccounts accounts, BidOwnership owners, CertificateVerification signatures,
            BidderFactRecords bidderFacts) {
        this.signatures = signatures;
        this.bidderFacts = bidderFacts;
        this.bids = bids;
        this.tenders = tenders;
        this.credit = credit;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.events = events;
        this.sealedFiles = sealedFiles;
        this.guarantees = guarantees;
        this.accounts = accounts;
        this.owners = owners;
    }

    /**
     * Submits (or, before the deadline, replaces) a bidder's bid. Only an account bound to the bidder's entity
     * submits for it: another entity's bid is neither made nor replaced (TBL 29 lets the bidder alone change it).
     *
     * @throws RuleRefusalException when the rules refuse it (the decision record is kept)
     * @throws AccessDeniedException for an account of another entity, or of none
     */
    public Bid submit(String tenderId, BidRequest request, Operator operator) {
        accounts.requireActsFor(operator.userId(), request.bidderId(), "bidderId");
        // an unencrypted file is refused before anything else (EB20 26)
        SealedFiles.Envelope envelope = sealedFiles.inspect("sealedFile", request.sealedFile());
        Instant now = clock.instant();
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        // a signed bid: its signature and certificate verified for the bidder where the tender is (K7, K8, O4)
        // (its record names the tender and round: sealed with the bid until the opening, TBL 22)
        CertificateVerdict signed = request.signature() == null ? null : signatures.verifyFor(tenderId,
                tender.round(), ruleSet, request.sealedFile().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CertificateVerification.base64(request.signature()), request.bidderId(), tender.regionCode(), now)
                .requireAccepted();
        RegistrationRequest registration = tenders.registration(tender);
        RegistrationDecision decisions = tenders.decisions(tender);
        List<String> parties = new ArrayList<>();
        parties.add(request.bidderId());
        request.members().stream().filter(m -> !parties.contains(m)).forEach(parties::add);
        BidFacts facts = new BidFacts(decisions.applicableLaw(), tender.regime(), decisions.mustTender(),
                tender.status().name(), request.bidderId(), List.copyOf(parties), request.bond(), now,
                tender.bidDeadline().toInstant(), now.atZone(LegalClock.CHINA).toLocalDate(),
                registration.agencyId(), request.smeSize(), decisions.smeReserved());
        Set<BondForm> allowed = decisions.bidBond().allowedForms().isEmpty() ? EnumSet.noneOf(BondForm.class)
                : EnumSet.copyOf(decisions.bidBond().allowedForms());
        BondRequirement requirement = new BondRequirement(decisions.bidBond().required(),
                registration.bidBondAmount(), allowed);
        List<Object> input = new ArrayList<>(List.of(facts, requirement));
        List<?> creditRecords = credit.recordsOf(parties);
        input.addAll(creditRecords);
        GuaranteeOnRecord guarantee = request.bond() != null && request.bond().form() == BondForm.E_GUARANTEE
                ? guarantees.onRecord(tender, request.bidderId(), request.bond().guaranteeNo(),
                        registration.bidBondAmount())
                : null;
        if (guarantee != null) {
            input.add(guarantee);
        }
        // what the registry knows of the bidder: public facts, read in the clear (nothing sealed)
        List<Object> registry = bidderFacts.atSubmission(tenderId, facts);
        input.addAll(registry);
        RuleSet.Evaluation evaluation = ruleSet.evaluate(tender.bidDeadlineDate(), input);
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();

        ObjectNode inputs = json.createObjectNode();
        // the decision keeps what was submitted in the clear and the sealed file's hash, never the ciphertext
        ObjectNode submitted = json.valueToTree(request);
        submitted.remove("sealedFile");
        submitted.remove("signature");
        submitted.put("sealedFileHash", envelope.hash()).put("sealedFileAlgorithm", envelope.algorithm());
        inputs.set("bid", submitted);
        if (signed != null) {
            // the signature's own decision (certification) keeps the facts; the bid's names it
            inputs.putObject("signature").put("decisionId", signed.decisionId()).put("caId", signed.caId())
                    .put("subject", signed.subject()).put("serialNumber", signed.serialNumber());
        }
        inputs.set("facts", decisionRecords.facts(facts));
        inputs.set("bondRequirement", decisionRecords.facts(requirement));
        inputs.set("creditRecords", decisionRecords.facts(creditRecords));
        if (guarantee != null) {
            inputs.set("eGuarantee", decisionRecords.facts(guarantee));
        }
        bidderFacts.keep(inputs, registry);
        // the date the rules decided as of (its facts carry the deadline too): a record that names it keeps its
        // amounts as written, so impact compares a candidate with the answer it keeps (EligibilityReplay)
        if (tender.bidDeadlineDate() != null) {
            inputs.put(io.huitong.rules.DecisionReplay.AS_OF, tender.bidDeadlineDate().toString());
        }
        DecisionRecord record = new DecisionRecord(UUID.randomUUID().toString(), SUBMISSION,
                violations.isEmpty() ? DecisionRecord.Outcome.ACCEPTED : DecisionRecord.Outcome.REFUSED, false,
                tenderId, ruleSet.version(), now, operator.userId(), operator.address(), inputs,
                json.createObjectNode().put("round", tender.round()), evaluation.firedRules(), violations);
        if (!violations.isEmpty()) {
            transactions.executeWithoutResult(status -> decisionRecords.save(record));
            throw new RuleRefusalException(violations, record.id(), ruleSet.version());
        }
        return transactions.execute(status -> {
            // the tender row is locked: bidding cannot close between this check and the insert
            Tender locked = tenders.lock(tenderId);
            if (locked.status() != TenderStatus.BIDDING || !now.isBefore(locked.bidDeadline().toInstant())) {
                throw new ConflictException("投标已截止或暂停 / Bidding closed or was suspended meanwhile");
            }
            decisionRecords.save(record);
            Bond bond = request.bond();
            // an e-guarantee of the bid replaced goes back to its provider, unless the new bid names it again
            bids.submitted(tenderId, locked.round()).stream().filter(b -> b.bidderId().equals(request.bidderId()))
                    .filter(b -> b.bondForm() == BondForm.E_GUARANTEE && b.bondGuaranteeNo() != null)
                    .filter(b -> bond == null || !b.bondGuaranteeNo().equals(bond.guaranteeNo()))
                    .forEach(b -> guarantees.surrender(b.bondGuaranteeNo(), "投标被新的投标替换 / The bid was replaced"));
            bids.replaceSubmitted(tenderId, locked.round(), request.bidderId());
            Bid bid = Bid.submitted(UUID.randomUUID().toString(), tenderId, locked.round(), request, now,
                    operator.userId(), record.id(), envelope.hash());
            bids.insert(bid);
            bids.insertFile(bid.id(), request.sealedFile(), envelope);
            return bids.find(bid.id()).orElseThrow();
        });
    }

    /**
     * A bidder withdraws its bid before the deadline (TBL 29); a bond is refunded within 5 days (TBR 35). Only an
     * account of the bid's entity withdraws it.
     */
    public Bid withdraw(String tenderId, String bidId, Operator operator) {
        owners.requireOwner(bids.get(tenderId, bidId), operator,
                "只有投标人本人可以撤回其投标 / Only the bidder withdraws its bid");
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            Bid bid = bids.lock(tenderId, bidId);
            if (tender.status() != TenderStatus.BIDDING || !clock.instant().isBefore(tender.bidDeadline().toInstant())) {
                throw new ConflictException("投标截止后不能撤回 / A bid can be withdrawn only before the deadline");
            }
            Bid withdrawn = bid.withdraw();
            bids.save(withdrawn);
            if (withdrawn.holdsBond()) {
                events.publishEvent(new BidWithdrawn(tenderId, bidId));
            }
            return withdrawn;
        });
    }

    /**
     * A member the consortium bid names confirms, through its own account and before the deadline, that it bids in
     * that consortium: its part of the joint bidding agreement (TBL 31; GPL 24). Only an account bound to a named
     * member confirms (403 otherwise, noted in the audit entry); after the deadline, or for a bid no longer standing,
     * 409. Confirming again changes nothing. A replaced bid needs its members' confirmations again.
     */
    public ConsortiumConfirmation confirmConsortium(String tenderId, String bidId, Operator operator) {
        Bid bid = bids.get(tenderId, bidId);
        String member = accounts.requireBound(operator.userId()).creditCode();
        if (!bid.consortiumMembers().contains(member)) {
            AuditFilter.note("refused: account " + operator.userId() + " of " + member
                    + " is no member named by consortium bid " + bidId);
            throw new AccessDeniedException("只有联合体投标列明的成员可以确认共同投标协议 / Only a member the consortium bid "
                    + "names confirms its joint bidding agreement");
        }
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            Bid standing = bids.get(tenderId, bidId);
            if (standing.status() != BidStatus.SUBMITTED || standing.round() != tender.round()
                    || tender.status() != TenderStatus.BIDDING
                    || !clock.instant().isBefore(tender.bidDeadline().toInstant())) {
                throw new ConflictException(ruleSets.notice(BiddingNotices.CONSORTIUM_CONFIRMATION_LATE).cited());
            }
            return bids.confirmations(bidId).stream().filter(c -> c.memberId().equals(member)).findFirst()
                    .orElseGet(() -> {
                        bids.confirmMember(bidId, member, operator.userId(), clock.instant());
                        return bids.confirmations(bidId).stream().filter(c -> c.memberId().equals(member))
                                .findFirst().orElseThrow();
                    });
        });
    }

}
