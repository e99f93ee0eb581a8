package io.huitong.bidding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.credit.CreditRegistry;
import io.huitong.rules.DecisionRecord;
import io.huitong.shared.party.BidderAccounts;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.RuleRefusalException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.BondForm;
import io.huitong.tender.RegistrationRequest;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.TenderTimeline;
import jakarta.validation.Validator;
import io.huitong.tender.registration.RegistrationDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives, opens and keeps bids. A bid is decided by the rules of the tender's rule-set version at
 * submission — deadline, suspension, bond, the bidder's eligibility — and every decision is recorded. At the
 * opening the checks that concern several bidders invalidate every bid involved.
 */
@Service
public class BidService {

    static final String SUBMISSION = "BID_SUBMISSION";
    static final String OPENING = "BID_OPENING";
    /** The due date in the tender's timeline when the decryption window closes (EB20 30). */
    public static final String DECRYPTION_WINDOW = "decryptionWindow";

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
    private final TenderTimeline timeline;
    private final Validator validator;
    private final CollusionFlags collusion;
    private final io.huitong.guarantee.ElectronicGuarantees guarantees;
    private final BidderAccounts accounts;

    BidService(Bids bids, TenderService tenders, CreditRegistry credit, RuleSetRegistry ruleSets,
            DecisionRecords decisionRecords, TransactionTemplate transactions, LegalClock clock, ObjectMapper json,
            ApplicationEventPublisher events, SealedFiles sealedFiles, TenderTimeline timeline, Validator validator,
            CollusionFlags collusion, io.huitong.guarantee.ElectronicGuarantees guarantees, BidderAccounts accounts) {
        this.accounts = accounts;
        this.collusion = collusion;
        this.guarantees = guarantees;
        this.events = events;
        this.sealedFiles = sealedFiles;
        this.timeline = timeline;
        this.validator = validator;
        this.bids = bids;
        this.tenders = tenders;
        this.credit = credit;
        this.ruleSets = ruleSets;
        this.decisionRecords = decisionRecords;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Submits (or, before the deadline, replaces) a bidder's bid. Only an account bound to the bidder's entity
     * submits for it: another entity's bid is neither made nor replaced (TBL 29 lets the bidder alone change it).
     *
     * @throws RuleRefusalException when the rules refuse it (the decision record is kept)
     * @throws org.springframework.security.access.AccessDeniedException for an account of another entity, or of none
     */
    public Bid submit(String tenderId, BidRequest request, Operator operator) {
        accounts.requireActsFor(operator.userId(), request.bidderId(), "bidderId");
        // an unencrypted file is refused before anything else (EB20 26)
        SealedFiles.Envelope envelope = sealedFiles.inspect("sealedFile", request.sealedFile());
        Instant now = clock.instant();
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RegistrationRequest registration = tenders.registration(tender);
        RegistrationDecision decisions = tenders.decisions(tender);
        List<String> parties = new ArrayList<>();
        parties.add(request.bidderId());
        request.members().stream().filter(m -> !parties.contains(m)).forEach(parties::add);
        BidFacts facts = new BidFacts(decisions.applicableLaw(), tender.regime(), decisions.mustTender(),
                tender.status().name(), request.bidderId(), List.copyOf(parties), request.bond(), now, tender.bidDeadline().toInstant(), now.atZone(LegalClock.CHINA).toLocalDate(),
                registration.agencyId(), request.smeSize(), decisions.smeReserved());
        Set<BondForm> allowed = decisions.bidBond().allowedForms().isEmpty() ? EnumSet.noneOf(BondForm.class)
                : EnumSet.copyOf(decisions.bidBond().allowedForms());
        BondRequirement requirement = new BondRequirement(decisions.bidBond().required(),
                registration.bidBondAmount(), allowed);
        List<Object> input = new ArrayList<>(List.of(facts, requirement));
        List<?> creditRecords = credit.recordsOf(parties);
        input.addAll(creditRecords);
        io.huitong.guarantee.GuaranteeOnRecord guarantee = request.bond() != null
                && request.bond().form() == BondForm.E_GUARANTEE ? guarantees.onRecord(tender, request.bidderId(),
                        request.bond().guaranteeNo(), registration.bidBondAmount()) : null;
        if (guarantee != null) {
            input.add(guarantee);
        }
        RuleSet.Evaluation evaluation = ruleSet.evaluate(input);
        List<Violation> violations = evaluation.all(Refusal.class).stream().map(Refusal::violation).toList();

        ObjectNode inputs = json.createObjectNode();
        // the decision keeps what was submitted in the clear and the sealed file's hash, never the ciphertext
        ObjectNode submitted = json.valueToTree(request);
        submitted.remove("sealedFile");
        submitted.put("sealedFileHash", envelope.hash()).put("sealedFileAlgorithm", envelope.algorithm());
        inputs.set("bid", submitted);
        inputs.set("facts", json.valueToTree(facts));
        inputs.set("bondRequirement", json.valueToTree(requirement));
        inputs.set("creditRecords", json.valueToTree(creditRecords));
        if (guarantee != null) {
            inputs.set("eGuarantee", json.valueToTree(guarantee));
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
            submitted(tenderId, locked.round()).stream().filter(b -> b.bidderId().equals(request.bidderId()))
                    .filter(b -> b.bondForm() == BondForm.E_GUARANTEE && b.bondGuaranteeNo() != null)
                    .filter(b -> bond == null || !b.bondGuaranteeNo().equals(bond.guaranteeNo()))
                    .forEach(b -> guarantees.surrender(b.bondGuaranteeNo(), "投标被新的投标替换 / The bid was replaced"));
            bids.replaceSubmitted(tenderId, locked.round(), request.bidderId());
            Bid bid = new Bid(UUID.randomUUID().toString(), tenderId, locked.round(), request.bidderId(),
                    request.bidderName().strip(), null, bond == null ? null : bond.form(),
                    bond == null ? null : bond.amount(), bond == null ? null : bond.payerAccount(),
                    bond == null ? null : bond.guaranteeNo(), request.smeSize(), request.members(),
                    request.legalRepresentative().strip(), request.legalRepresentativeIdNo(), null, null, now,
                    operator.userId(), BidStatus.SUBMITTED, null, null, null, null, null, null, null, null, null,
                    record.id(), envelope.hash(), null, null, null, null, null, null, null, null, null, null, null, null);
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
        requireOwner(bid(tenderId, bidId), operator, "只有投标人本人可以撤回其投标 / Only the bidder withdraws its bid");
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            Bid bid = bid(tenderId, bidId);
            if (bid.status() != BidStatus.SUBMITTED || tender.status() != TenderStatus.BIDDING
                    || !clock.instant().isBefore(tender.bidDeadline().toInstant())) {
                throw new ConflictException("投标截止后不能撤回 / A bid can be withdrawn only before the deadline");
            }
            bids.status(bidId, BidStatus.WITHDRAWN, null, null);
            if (bid.holdsBond()) {
                events.publishEvent(new BidWithdrawn(tenderId, bidId));
            }
            return bids.find(bidId).orElseThrow();
        });
    }

    /**
     * A member the consortium bid names confirms, through its own account and before the deadline, that it bids in
     * that consortium: its part of the joint bidding agreement (TBL 31; GPL 24). Only an account bound to a named
     * member confirms (403 otherwise, noted in the audit entry); after the deadline, or for a bid no longer standing,
     * 409. Confirming again changes nothing. A replaced bid needs its members' confirmations again.
     */
    public ConsortiumConfirmation confirmConsortium(String tenderId, String bidId, Operator operator) {
        Bid bid = bid(tenderId, bidId);
        String member = accounts.requireBound(operator.userId()).creditCode();
        if (!bid.consortiumMembers().contains(member)) {
            io.huitong.shared.audit.AuditFilter.note("refused: account " + operator.userId() + " of " + member
                    + " is no member named by consortium bid " + bidId);
            throw new org.springframework.security.access.AccessDeniedException(
                    "只有联合体投标列明的成员可以确认共同投标协议 / Only a member the consortium bid names confirms its "
                            + "joint bidding agreement");
        }
        return transactions.execute(status -> {
            Tender tender = tenders.lock(tenderId);
            Bid standing = bid(tenderId, bidId);
            if (standing.status() != BidStatus.SUBMITTED || standing.round() != tender.round()
                    || tender.status() != TenderStatus.BIDDING
                    || !clock.instant().isBefore(tender.bidDeadline().toInstant())) {
                throw new ConflictException("共同投标协议须在投标截止前、对有效递交的投标确认 / The joint bidding agreement is "
                        + "confirmed before the deadline, on a bid still standing (TBL 31; GPL 24)");
            }
            return bids.confirmations(bidId).stream().filter(c -> c.memberId().equals(member)).findFirst()
                    .orElseGet(() -> {
                        bids.confirmMember(bidId, member, operator.userId(), clock.instant());
                        return bids.confirmations(bidId).stream().filter(c -> c.memberId().equals(member))
                                .findFirst().orElseThrow();
                    });
        });
    }

    /** Whether the operator's account acts for the bid's entity: it sees its receipt, withdraws and decrypts it. */
    public boolean owns(Bid bid, Operator operator) {
        return accounts.actsFor(operator.userId(), bid.bidderId());
    }

    /** The operator's account acts for the bid's entity, or 403 (with a note in the audit entry). */
    public void requireOwner(Bid bid, Operator operator, String message) {
        if (!owns(bid, operator)) {
            io.huitong.shared.audit.AuditFilter.note("refused: account " + operator.userId() + " is not of bidder "
                    + bid.bidderId() + " of bid " + bid.id());
            throw new org.springframework.security.access.AccessDeniedException(message);
        }
    }

    /** The bid, if it belongs to the tender. */
    public Bid bid(String tenderId, String bidId) {
        return bids.find(bidId).filter(b -> b.tenderId().equals(tenderId))
                .orElseThrow(() -> new NotFoundException("投标不存在 / No bid " + bidId));
    }

    /** The bids of the tender's current round still standing at the deadline. */
    public List<Bid> submitted(String tenderId, int round) {
        return bids.ofRound(tenderId, round).stream().filter(b -> b.status() == BidStatus.SUBMITTED).toList();
    }

    /** Every bid of the round. */
    public List<Bid> ofRound(String tenderId, int round) {
        return bids.ofRound(tenderId, round);
    }

    /** Every bid of every round of the tender. */
    public List<Bid> ofTender(String tenderId) {
        return bids.ofTender(tenderId);
    }

    // ---- decryption (EB20 30, 31) -----------------------------------------------------------------------------

    /** What a decryption attempt came to: decrypted, or not, with whose fault and the article. */
    public record Decryption(String bidId, boolean decrypted, DecryptionFault fault, String note, String citation,
            Instant windowEndsAt) {
    }

    /**
     * The bidder decrypts its bid file with its password, after the deadline and within the window (EB20 30). A
     * wrong password is refused and changes nothing; a file that cannot be opened is recorded with whose fault it
     * is (EB20 31): a stored copy that does not match the receipt is the platform's, a file that does not
     * authenticate or holds no bid is the bidder's.
     */
    public Decryption decrypt(String tenderId, String bidId, String password, Operator operator) {
        Bid bid = bid(tenderId, bidId);
        requireOwner(bid, operator, "只有投标人本人可以解密其投标文件 / Only the bidder decrypts its bid");
        Instant windowEnds = requireWindow(tenderId, bid);
        if (bid.decrypted()) {
            throw new ConflictException("投标文件已解密 / The bid is already decrypted");
        }
        if (bid.decryptionFault() == DecryptionFault.BIDDER) {
            // the bidder's file cannot be opened: trying again opens nothing more
            return new Decryption(bidId, false, bid.decryptionFault(), bid.decryptionNote(), "EB20 31", windowEnds);
        }
        String sealed = bids.sealedFile(bidId).orElse(null);
        if (sealed == null || !SealedFiles.hash(sealed).equals(bid.sealedHash())) {
            return fault(tenderId, bid, DecryptionFault.PLATFORM,
                    "平台保存的投标文件与递交回执的哈希不符 / The stored file does not match the hash of its receipt",
                    windowEnds);
        }
        SealedFiles.Opened opened = sealedFiles.open(sealed, password);
        if (opened instanceof SealedFiles.WrongPassword) {
            throw new io.huitong.shared.web.ValidationException(List.of(Violation.of("password",
                    "validation.decryption-password", "EB20 30", null, null, "解密口令不能打开该投标文件",
                    "The password does not open the bid file")));
        }
        if (opened instanceof SealedFiles.Broken broken) {
            return fault(tenderId, bid, DecryptionFault.BIDDER, "投标文件无法解密 / The file cannot be decrypted: "
                    + broken.why(), windowEnds);
        }
        byte[] content = ((SealedFiles.Plain) opened).content();
        BidFile file;
        try {
            file = json.readValue(content, BidFile.class);
        } catch (java.io.IOException e) {
            return fault(tenderId, bid, DecryptionFault.BIDDER,
                    "解密后的内容不是投标文件 / The decrypted content is not a bid file", windowEnds);
        }
        List<Violation> invalid = io.huitong.shared.web.BeanViolations.of(validator.validate(file));
        if (!invalid.isEmpty()) {
            return fault(tenderId, bid, DecryptionFault.BIDDER, "投标文件内容不完整 / The bid file is incomplete: "
                    + Violation.describe(invalid), windowEnds);
        }
        String documentHash = file.technicalProposal() == null || file.technicalProposal().isBlank() ? null
                : io.huitong.shared.Digests.sha256Hex(file.technicalProposal().strip());
        transactions.executeWithoutResult(status -> {
            lockedStanding(tenderId, bidId);
            bids.decrypted(bidId, file, documentHash, clock.instant());
            events.publishEvent(new OpeningEvent(tenderId, bid.round(), OpeningEvent.Kind.DECRYPTED,
                    bid.bidderName(), null, clock.instant()));
            settledIfDone(tenderId, bid.round());
        });
        return new Decryption(bidId, true, null, null, null, windowEnds);
    }

    /**
     * The centre records that the platform (or anyone but the bidder) kept these bids from being decrypted: an
     * outage, a failed link (EB20 31). Those not decrypted by the end of the window are then deemed withdrawn.
     */
    public List<Bid> platformFault(String tenderId, List<String> bidIds, String reason) {
        return transactions.execute(status -> {
            tenders.lock(tenderId);
            List<Bid> faulted = new ArrayList<>();
            for (String bidId : bidIds) {
                Bid bid = bid(tenderId, bidId);
                requireWindow(tenderId, bid);
                if (bid.decrypted()) {
                    throw new io.huitong.shared.web.ValidationException(List.of(Violation.of("bidIds",
                            "validation.already-decrypted", "EB20 31", null, bidId, "该投标文件已解密",
                            "This bid is already decrypted")));
                }
                bids.fault(bidId, DecryptionFault.PLATFORM, reason.strip());
                faulted.add(bids.find(bidId).orElseThrow());
                events.publishEvent(new OpeningEvent(tenderId, bid.round(), OpeningEvent.Kind.DECRYPTION_FAILED,
                        bid.bidderName(), DecryptionFault.PLATFORM.name(), clock.instant()));
            }
            settledIfDone(tenderId, faulted.get(0).round());
            return faulted;
        });
    }

    /** The decryption window of the bid's round is open, or the request is refused; returns when it closes. */
    private Instant requireWindow(String tenderId, Bid bid) {
        Tender tender = tenders.get(tenderId);
        Instant now = clock.instant();
        if (tender.status() == TenderStatus.BIDDING || tender.status() == TenderStatus.SUSPENDED
                || now.isBefore(tender.bidDeadline().toInstant())) {
            throw new ConflictException("投标截止前任何人不得解密投标文件 / Nobody decrypts a bid before the deadline (EB20 27)");
        }
        Instant ends = timeline.open(tenderId, bid.round(), DECRYPTION_WINDOW)
                .map(d -> d.dueAt().toInstant()).orElse(null);
        if (tender.status() != TenderStatus.CLOSED || bid.round() != tender.round() || ends == null
                || !now.isBefore(ends) || bid.status() != BidStatus.SUBMITTED) {
            throw new ConflictException("不在该投标的解密时间内 / Outside this bid's decryption window (EB20 30)");
        }
        return ends;
    }

    /**
     * Inside the transaction that records a decryption: the tender locked (the window's timer and the other
     * bidders wait), the bid still standing, the window still open.
     */
    private Bid lockedStanding(String tenderId, String bidId) {
        tenders.lock(tenderId);
        Bid now = bid(tenderId, bidId);
        requireWindow(tenderId, now);
        if (now.decrypted()) {
            throw new ConflictException("投标文件已解密 / The bid is already decrypted");
        }
        return now;
    }

    private Decryption fault(String tenderId, Bid bid, DecryptionFault fault, String note, Instant windowEnds) {
        transactions.executeWithoutResult(status -> {
            lockedStanding(tenderId, bid.id());
            bids.fault(bid.id(), fault, note);
            events.publishEvent(new OpeningEvent(tenderId, bid.round(), OpeningEvent.Kind.DECRYPTION_FAILED,
                    bid.bidderName(), fault.name(), clock.instant()));
            settledIfDone(tenderId, bid.round());
        });
        return new Decryption(bid.id(), false, fault, note, "EB20 31", windowEnds);
    }

    /**
     * Whether nothing more can happen to the bid before the window's end: decrypted, its file found broken, or its
     * stored copy found damaged. A platform fault the centre declared (an outage) leaves its bidder the rest of
     * the window to try again.
     */
    private boolean settled(Bid b) {
        if (b.decrypted() || b.decryptionFault() == DecryptionFault.BIDDER) {
            return true;
        }
        return b.decryptionFault() == DecryptionFault.PLATFORM && bids.sealedFile(b.id())
                .map(sealed -> !SealedFiles.hash(sealed).equals(b.sealedHash())).orElse(true);
    }

    /** Every bid of the round decrypted or found undecryptable: the opening need not wait for the window's end. */
    private void settledIfDone(String tenderId, int round) {
        boolean waiting = submitted(tenderId, round).stream().anyMatch(b -> !settled(b));
        if (!waiting) {
            events.publishEvent(new BidsDecrypted(tenderId, round));
        }
    }

    // ---- opening ----------------------------------------------------------------------------------------------

    /**
     * Opens the round's bids once the decryption window has closed or every file is settled: a bid not decrypted
     * is deemed revoked or withdrawn (EB20 31); among the decrypted, the checks concerning several bidders
     * invalidate every bid involved; the others become valid. Returns the valid bids. Runs in the caller's
     * transaction.
     */
    public List<Bid> open(String tenderId, int round) {
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RegistrationDecision decisions = tenders.decisions(tender);
        List<Bid> standing = submitted(tenderId, round);
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
        RuleSet.Evaluation evaluation = ruleSet.evaluate(input);
        Instant now = clock.instant();
        Map<String, DecryptionOutcome> undecrypted = new LinkedHashMap<>();
        evaluation.all(DecryptionOutcome.class).forEach(o -> undecrypted.putIfAbsent(o.bidId(), o));
        for (DecryptionOutcome outcome : undecrypted.values()) {
            bids.status(outcome.bidId(), outcome.status(), outcome.reason(), outcome.by().citation(), "DECRYPTION");
        }
        for (BondKept kept : evaluation.all(BondKept.class)) {
            bids.bondKept(kept.bidId(), now, kept.reason(), kept.by().citation());
            Bid bid = bids.find(kept.bidId()).orElseThrow();
            if (bid.bondForm() == BondForm.E_GUARANTEE && bid.bondGuaranteeNo() != null) {
                // the tenderer keeps the bond: the e-guarantee is claimed (索赔)
                guarantees.claim(bid.bondGuaranteeNo(), kept.reason(), kept.by().citation());
            }
        }
        Map<String, BidInvalidated> invalid = new LinkedHashMap<>();
        evaluation.all(BidInvalidated.class).forEach(i -> invalid.putIfAbsent(i.bidId(), i));
        for (Bid bid : standing) {
            if (!bid.decrypted()) {
                continue;
            }
            BidInvalidated why = invalid.get(bid.id());
            if (why == null) {
                bids.status(bid.id(), BidStatus.VALID, null, null);
            } else {
                bids.status(bid.id(), BidStatus.INVALID, why.reasonZh() + " / " + why.reasonEn(), why.by().citation());
            }
        }
        ObjectNode inputs = json.createObjectNode();
        inputs.set("bids", json.valueToTree(input));
        List<Violation> found = new ArrayList<>();
        undecrypted.values().forEach(o -> found.add(Violation.of("bid:" + o.bidId(), o.by().rule(), o.by().citation(),
                null, o.bidId(), o.reasonZh(), o.reasonEn())));
        invalid.values().forEach(i -> found.add(Violation.of("bid:" + i.bidId(), i.by().rule(), i.by().citation(),
                null, i.bidId(), i.reasonZh(), i.reasonEn())));
        int decrypted = standing.size() - undecrypted.size();
        String decisionId = UUID.randomUUID().toString();
        List<CollusionFlag> flags = raiseCollusionFlags(tenderId, round, evaluation.all(CollusionFinding.class),
                decisionId, now);
        decisionRecords.save(new DecisionRecord(decisionId, OPENING,
                DecisionRecord.Outcome.ACCEPTED, false, tenderId, ruleSet.version(), now, "system", null,
                inputs, json.createObjectNode().put("round", round).put("standing", standing.size())
                        .put("decrypted", decrypted).put("opened", decrypted)
                        .put("valid", decrypted - invalid.size())
                        .set("collusionFlags", json.valueToTree(flags)),
                evaluation.firedRules(), found));
        saveOpeningRecord(tender, round, decisionId, now);
        events.publishEvent(new OpeningEvent(tenderId, round, OpeningEvent.Kind.OPENED, null, decisionId, now));
        // deemed withdrawn (EB20 31): the bond is refunded as after a withdrawal
        undecrypted.values().stream().filter(o -> o.status() == BidStatus.WITHDRAWN)
                .filter(o -> bids.find(o.bidId()).map(Bid::holdsBond).orElse(false))
                .forEach(o -> events.publishEvent(new BidWithdrawn(tenderId, o.bidId())));
        return bids.ofRound(tenderId, round).stream().filter(b -> b.status() == BidStatus.VALID).toList();
    }

    /** The opening record of the round as the opening left it (EB20 32). */
    private void saveOpeningRecord(Tender tender, int round, String decisionId, Instant now) {
        List<OpeningRecord.Entry> entries = new ArrayList<>();
        int valid = 0;
        for (Bid b : bids.ofRound(tender.id(), round)) {
            boolean atOpening = b.status() == BidStatus.VALID || b.status() == BidStatus.INVALID
                    || b.status() == BidStatus.REVOKED || b.status() == BidStatus.WITHDRAWN && b.decryptionFault() != null;
            if (!atOpening) {
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
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the decryption stands, once the deadline has passed: each bidder and whether its file is open yet. */
    public record Progress(String bidderName, Instant decryptedAt, DecryptionFault fault) {
    }

    public List<Progress> decryptionProgress(String tenderId) {
        Tender tender = tenders.get(tenderId);
        if (clock.instant().isBefore(tender.bidDeadline().toInstant())) {
            return List.of();
        }
        return submitted(tenderId, tender.round()).stream()
                .map(b -> new Progress(b.bidderName(), b.decryptedAt(), b.decryptionFault())).toList();
    }

    /** The sealed file of a bid as received, for the archive once the tender is over. */
    public java.util.Optional<String> sealedFile(String bidId) {
        return bids.sealedFile(bidId);
    }

    /** Every opening record of the tender, round by round. */
    public List<OpeningRecord> openingRecords(String tenderId) {
        List<OpeningRecord> records = new ArrayList<>();
        for (int round = 1; round <= tenders.get(tenderId).round(); round++) {
            bids.openingRecord(tenderId, round).ifPresent(r -> {
                try {
                    records.add(json.readValue(r, OpeningRecord.class));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return records;
    }

    /** The published opening record of the tender's latest opened round, if any. */
    public java.util.Optional<OpeningRecord> openingRecord(String tenderId) {
        Tender tender = tenders.get(tenderId);
        for (int round = tender.round(); round >= 1; round--) {
            java.util.Optional<String> stored = bids.openingRecord(tenderId, round);
            if (stored.isPresent()) {
                try {
                    return java.util.Optional.of(json.readValue(stored.get(), OpeningRecord.class));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Stores what the collusion rules found as flags for the committee: the findings of one rule that share a bid
     * become one flag over all their bids (three bids with one machine code are one case, not three).
     */
    private List<CollusionFlag> raiseCollusionFlags(String tenderId, int round, List<CollusionFinding> findings,
            String decisionId, Instant now) {
        Map<String, List<CollusionFinding>> byRule = new LinkedHashMap<>();
        // findings of a shared property (one machine code, one account) merge over the bids they share; others
        // (a price sequence, a mixed-up file) stay one flag each
        findings.forEach(f -> byRule.computeIfAbsent(f.shared() ? f.by().rule() : UUID.randomUUID().toString(),
                r -> new ArrayList<>()).add(f));
        List<CollusionFlag> raised = new ArrayList<>();
        for (List<CollusionFinding> ofRule : byRule.values()) {
            List<java.util.Set<String>> groups = new ArrayList<>();
            List<List<CollusionFinding>> members = new ArrayList<>();
            for (CollusionFinding f : ofRule) {
                java.util.Set<String> merged = new java.util.LinkedHashSet<>(f.bidIds());
                List<CollusionFinding> with = new ArrayList<>(List.of(f));
                for (int i = groups.size() - 1; i >= 0; i--) {
                    if (!java.util.Collections.disjoint(groups.get(i), merged)) {
                        merged.addAll(groups.remove(i));
                        with.addAll(members.remove(i));
                    }
                }
                groups.add(merged);
                members.add(with);
            }
            for (int i = 0; i < groups.size(); i++) {
                CollusionFinding first = members.get(i).get(0);
                String evidence = members.get(i).stream().map(CollusionFinding::evidence).distinct()
                        .collect(java.util.stream.Collectors.joining("；"));
                CollusionFlag flag = new CollusionFlag(UUID.randomUUID().toString(), tenderId, round, first.kind(),
                        first.by().rule(), first.citation(), List.copyOf(groups.get(i)),
                        evidence.length() > 4000 ? evidence.substring(0, 3997) + "…" : evidence, now, decisionId,
                        null, null, null, null, null, null, null);
                collusion.insert(flag);
                raised.add(flag);
            }
        }
        return raised;
    }

    /** The collusion flags of the tender's round, open and decided. */
    public List<CollusionFlag> collusionFlags(String tenderId, int round) {
        return collusion.of(tenderId, round);
    }

    public CollusionFlag collusionFlag(String tenderId, String flagId) {
        return collusion.find(flagId).filter(f -> f.tenderId().equals(tenderId))
                .orElseThrow(() -> new io.huitong.shared.web.NotFoundException("没有该串通标记 / No collusion flag " + flagId));
    }

    /**
     * Records the committee's decision on a flag (the caller checks who decides and rejects the bids); a confirmed
     * case is reported to the group the rules named, under their article.
     */
    public void decideCollusion(String flagId, boolean confirmed, String reason, String by, String reportTo,
            String reportCitation) {
        collusion.decide(flagId, confirmed, reason, by, clock.instant(), reportTo, reportCitation);
    }

    /**
     * Confirmed collusion cases as reported (O87 36; TBR 51(七)): those addressed to one of {@code groups}, or every
     * case when {@code groups} is null (administrators).
     */
    public List<CollusionFlag> collusionReports(java.util.Collection<String> groups) {
        return collusion.reported(groups);
    }

    /** A bid rejected in the committee's review (H1, H3), with the reason and its article. */
    public void reject(String tenderId, String bidId, String reason, String citation) {
        Bid bid = bid(tenderId, bidId);
        if (bid.status() != BidStatus.VALID) {
            throw new ConflictException("只能否决有效投标 / Only a valid bid can be rejected");
        }
        bids.status(bidId, BidStatus.INVALID, reason, citation, "REVIEW");
    }

    /**
     * A committee dismissed (a postponed remote evaluation, J9, J10; a committee that cannot be completed,
     * O87 49): the bids it rejected are valid again and its scores gone, for the new committee to evaluate.
     */
    public void resetReview(String tenderId, int round) {
        bids.resetReview(tenderId, round);
        collusion.undecide(tenderId, round);
    }

    /** Evaluation results of a bid. */
    public void score(String bidId, java.math.BigDecimal evaluatedPrice, java.math.BigDecimal priceScore,
            java.math.BigDecimal technicalScore, java.math.BigDecimal totalScore, Integer rank) {
        bids.scores(bidId, evaluatedPrice, priceScore, technicalScore, totalScore, rank);
    }

    /** Schedules the refund of every bond of the round not yet refunded or scheduled. */
    public void bondsDue(String tenderId, int round, Instant due, java.util.function.Predicate<Bid> which) {
        bids.ofRound(tenderId, round).stream().filter(Bid::holdsBond).filter(b -> b.bondRefundedAt() == null)
                .filter(b -> b.bondKeptAt() == null).filter(which).forEach(b -> bids.refundDue(b.id(), due));
    }

    /** Bonds refunded (by a refund task, which has checked that they fell due). */
    public void refunded(String tenderId, List<String> bidIds) {
        Instant now = clock.instant();
        List<LateRefund> late = new ArrayList<>();
        for (String bidId : bidIds) {
            Bid bid = bid(tenderId, bidId);
            if (bid.holdsBond() && bid.bondRefundedAt() == null) {
                bids.refunded(bidId, now);
                if (bid.bondRefundDue() != null && now.isAfter(bid.bondRefundDue())) {
                    late.add(lateRefund(tenderId, bid, now));
                }
                if (bid.bondForm() == BondForm.E_GUARANTEE && bid.bondGuaranteeNo() != null) {
                    // an e-guarantee comes back by its surrender to the provider (退保, C17)
                    guarantees.surrender(bid.bondGuaranteeNo(), "投标保证金退还 / The bond is due back");
                }
            }
        }
        if (!late.isEmpty()) {
            lateFees(tenderId, late, now);
        }
    }

    private LateRefund lateRefund(String tenderId, Bid bid, Instant now) {
        Tender tender = tenders.get(tenderId);
        long days = java.time.temporal.ChronoUnit.DAYS.between(
                bid.bondRefundDue().atZone(LegalClock.CHINA).toLocalDate(), now.atZone(LegalClock.CHINA).toLocalDate());
        return new LateRefund(tenders.decisions(tender).applicableLaw(), bid.id(), bid.bondForm(), bid.bondAmount(),
                days, ruleSets.version(tender.ruleSetVersion()).policy().parameters()
                        .amount("refund.late-fee.annual-rate"));
    }

    /** Bonds paid back late: the refund rules set the late fee (O87 38), recorded with the decision. */
    private void lateFees(String tenderId, List<LateRefund> late, Instant now) {
        Tender tender = tenders.get(tenderId);
        RuleSet ruleSet = ruleSets.version(tender.ruleSetVersion());
        RuleSet.Evaluation evaluation = ruleSet.evaluate(new ArrayList<>(late));
        List<LateFee> fees = evaluation.all(LateFee.class);
        fees.forEach(f -> bids.lateFee(f.bidId(), f.amount(), f.by().citation()));
        ObjectNode inputs = json.createObjectNode();
        inputs.set("refunds", json.valueToTree(late));
        ObjectNode outputs = json.createObjectNode();
        outputs.set("lateFees", json.valueToTree(fees));
        Operator operator = Operator.current();
        decisionRecords.save(new DecisionRecord(UUID.randomUUID().toString(), "BOND_REFUND",
                DecisionRecord.Outcome.ACCEPTED, false, tenderId, ruleSet.version(), now, operator.userId(),
                operator.address(), inputs, outputs, evaluation.firedRules(), List.of()));
    }

    /**
     * Refunds confirmed by finance outside a task: every bond named must exist, hold a bond not yet refunded
     * and have fallen due; otherwise nothing is recorded.
     */
    public List<Bid> confirmRefunds(String tenderId, List<String> bidIds, Operator operator) {
        return transactions.execute(status -> {
            List<Violation> refused = new ArrayList<>();
            for (String bidId : bidIds) {
                Bid bid = bid(tenderId, bidId);
                if (!bid.holdsBond() || bid.bondRefundedAt() != null || bid.bondRefundDue() == null) {
                    refused.add(Violation.of("bidIds", "validation.refund-due", "TBR 35, 57; O87 38", null, bidId,
                            "该投标无待退还的保证金", "This bid holds no bond due for refund"));
                }
            }
            if (!refused.isEmpty()) {
                throw new io.huitong.shared.web.ValidationException(refused);
            }
            refunded(tenderId, bidIds);
            // a refund step whose every bond is now refunded is done (the lifecycle listens)
            events.publishEvent(new BondsRefunded(tenderId, List.copyOf(bidIds), operator));
            return refundsDue(tenderId);
        });
    }

    /** Whether the round's bids were opened: only then may anyone read them (TBL 22; EB20 27). */
    public boolean opened(String tenderId, int round) {
        return bids.ofRound(tenderId, round).stream().anyMatch(b -> b.status() == BidStatus.VALID
                || b.status() == BidStatus.INVALID || b.status() == BidStatus.REVOKED
                || b.status() == BidStatus.WITHDRAWN && b.decryptionFault() != null);
    }

    /**
     * Bonds fallen due for refund and not yet refunded, as finance and the centre are told: never a sealed bid of a
     * round still bidding (nobody learns who bids before the opening, TBL 22; EB20 27), only bonds of bids opened,
     * withdrawn, of a failed round or of a terminated tender.
     */
    public List<Bid> refundsDue(String tenderId) {
        Tender tender = tenders.get(tenderId);
        boolean sealedRound = EnumSet.of(TenderStatus.APPROVED, TenderStatus.BIDDING, TenderStatus.SUSPENDED,
                TenderStatus.CLOSED).contains(tender.status());
        return bondsToRefund(tenderId).stream().filter(b -> b.bondRefundDue() != null)
                .filter(b -> !(sealedRound && b.round() == tender.round() && b.status() == BidStatus.SUBMITTED))
                .toList();
    }

    /** Bonds of the tender still to be refunded (all of them, sealed or not: for the lifecycle, never answered). */
    public List<Bid> bondsToRefund(String tenderId) {
        return bids.ofTender(tenderId).stream().filter(Bid::holdsBond).filter(b -> b.bondRefundedAt() == null)
                .filter(b -> b.bondKeptAt() == null).toList();
    }
}
