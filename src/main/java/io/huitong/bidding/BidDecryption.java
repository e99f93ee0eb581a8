package io.huitong.bidding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.Digests;
import io.huitong.shared.security.Operator;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.web.BeanViolations;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.TenderTimeline;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the deadline, within the decryption window (EB20 30, 31): each bidder decrypts its own bid file with its
 * password; a file that cannot be opened is recorded with whose fault it is; the centre records outages that kept
 * bidders from decrypting. Once every bid of the round is settled, the opening need not wait for the window's end
 * ({@link BidsDecrypted}).
 */
@Service
public class BidDecryption {

    /** The due date in the tender's timeline when the decryption window closes (EB20 30). */
    static final String WINDOW = "decryptionWindow";

    /** What a decryption attempt came to: decrypted, or not, with whose fault and the article. */
    public record Decryption(String bidId, boolean decrypted, DecryptionFault fault, String note, String citation,
            Instant windowEndsAt) {
    }

    /** Where the decryption stands, once the deadline has passed: each bidder and whether its file is open yet. */
    public record Progress(String bidderName, Instant decryptedAt, DecryptionFault fault) {
    }

    private final Bids bids;
    private final TenderService tenders;
    private final TenderTimeline timeline;
    private final TransactionTemplate transactions;
    private final LegalClock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final SealedFiles sealedFiles;
    private final Validator validator;
    private final BidOwnership owners;
    private final RuleSetRegistry ruleSets;

    BidDecryption(Bids bids, TenderService tenders, TenderTimeline timeline, TransactionTemplate transactions,
            LegalClock clock, ObjectMapper json, ApplicationEventPublisher events, SealedFiles sealedFiles,
            Validator validator, BidOwnership owners, RuleSetRegistry ruleSets) {
        this.bids = bids;
        this.tenders = tenders;
        this.timeline = timeline;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.events = events;
        this.sealedFiles = sealedFiles;
        this.validator = validator;
        this.owners = owners;
        this.ruleSets = ruleSets;
    }

    /**
     * The bidder decrypts its bid file with its password, after the deadline and within the window (EB20 30). A
     * wrong password is refused and changes nothing; a file that cannot be opened is recorded with whose fault it
     * is (EB20 31): a stored copy that does not match the receipt is the platform's, a file that does not
     * authenticate or holds no bid is the bidder's.
     */
    public Decryption decrypt(String tenderId, String bidId, String password, Operator operator) {
        Bid bid = bids.get(tenderId, bidId);
        owners.requireOwner(bid, operator, "只有投标人本人可以解密其投标文件 / Only the bidder decrypts its bid");
        Instant windowEnds = requireWindow(tenderId, bid);
        if (bid.decrypted()) {
            throw new ConflictException("投标文件已解密 / The bid is already decrypted");
        }
        if (bid.decryptionFault() == DecryptionFault.BIDDER) {
            // the bidder's file cannot be opened: trying again opens nothing more
            return new Decryption(bidId, false, bid.decryptionFault(), bid.decryptionNote(),
                    ruleSets.notice(BiddingNotices.DECRYPTION_FAILED).citation(), windowEnds);
        }
        String sealed = bids.sealedFile(bidId).orElse(null);
        if (sealed == null || !SealedFiles.hash(sealed).equals(bid.sealedHash())) {
            return fault(tenderId, bid, DecryptionFault.PLATFORM,
                    "平台保存的投标文件与递交回执的哈希不符 / The stored file does not match the hash of its receipt",
                    windowEnds);
        }
        SealedFiles.Opened opened = sealedFiles.open(sealed, password);
        if (opened instanceof SealedFiles.WrongPassword) {
            throw new ValidationException(List.of(ruleSets.notice(BiddingNotices.DECRYPTION_KEY_REFUSED)
                    .violation("password", "validation.decryption-password", null, null)));
        }
        if (opened instanceof SealedFiles.Broken broken) {
            return fault(tenderId, bid, DecryptionFault.BIDDER, "投标文件无法解密 / The file cannot be decrypted: "
                    + broken.why(), windowEnds);
        }
        byte[] content = ((SealedFiles.Plain) opened).content();
        BidFile file;
        try {
            file = json.readValue(content, BidFile.class);
        } catch (IOException e) {
            return fault(tenderId, bid, DecryptionFault.BIDDER,
                    "解密后的内容不是投标文件 / The decrypted content is not a bid file", windowEnds);
        }
        List<Violation> invalid = BeanViolations.of(validator.validate(file));
        if (!invalid.isEmpty()) {
            return fault(tenderId, bid, DecryptionFault.BIDDER, "投标文件内容不完整 / The bid file is incomplete: "
                    + Violation.describe(invalid), windowEnds);
        }
        String documentHash = file.technicalProposal() == null || file.technicalProposal().isBlank() ? null
                : Digests.sha256Hex(file.technicalProposal().strip());
        transactions.executeWithoutResult(status -> {
            bids.save(lockedStanding(tenderId, bidId).decrypt(file, documentHash, clock.instant()));
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
                Bid bid = bids.lock(tenderId, bidId);
                requireWindow(tenderId, bid);
                if (bid.decrypted()) {
                    throw new ValidationException(List.of(ruleSets.notice(BiddingNotices.DECRYPTION_ALREADY_DONE)
                            .violation("bidIds", "validation.already-decrypted", null, bidId)));
                }
                Bid recorded = bid.recordDecryptionFault(DecryptionFault.PLATFORM, reason.strip());
                bids.save(recorded);
                faulted.add(recorded);
                events.publishEvent(new OpeningEvent(tenderId, bid.round(), OpeningEvent.Kind.DECRYPTION_FAILED,
                        bid.bidderName(), DecryptionFault.PLATFORM.name(), clock.instant()));
            }
            settledIfDone(tenderId, faulted.get(0).round());
            return faulted;
        });
    }

    /** Each bidder of the current round and whether its file is open yet; nothing before the deadline. */
    public List<Progress> progress(String tenderId) {
        Tender tender = tenders.get(tenderId);
        if (clock.instant().isBefore(tender.bidDeadline().toInstant())) {
            return List.of();
        }
        return bids.submitted(tenderId, tender.round()).stream()
                .map(b -> new Progress(b.bidderName(), b.decryptedAt(), b.decryptionFault())).toList();
    }

    /** The decryption window of the bid's round is open, or the request is refused; returns when it closes. */
    private Instant requireWindow(String tenderId, Bid bid) {
        Tender tender = tenders.get(tenderId);
        Instant now = clock.instant();
        if (tender.status() == TenderStatus.BIDDING || tender.status() == TenderStatus.SUSPENDED
                || now.isBefore(tender.bidDeadline().toInstant())) {
            throw new ConflictException(ruleSets.notice(BiddingNotices.DECRYPTION_BEFORE_DEADLINE).cited());
        }
        Instant ends = timeline.open(tenderId, bid.round(), WINDOW).map(d -> d.dueAt().toInstant()).orElse(null);
        if (tender.status() != TenderStatus.CLOSED || bid.round() != tender.round() || ends == null
                || !now.isBefore(ends) || bid.status() != BidStatus.SUBMITTED) {
            throw new ConflictException(ruleSets.notice(BiddingNotices.DECRYPTION_OUTSIDE_WINDOW).cited());
        }
        return ends;
    }

    /**
     * Inside the transaction that records a decryption: the tender locked (the window's timer and the other
     * bidders wait), the bid locked and still standing, the window still open.
     */
    private Bid lockedStanding(String tenderId, String bidId) {
        tenders.lock(tenderId);
        Bid now = bids.lock(tenderId, bidId);
        requireWindow(tenderId, now);
        if (now.decrypted()) {
            throw new ConflictException("投标文件已解密 / The bid is already decrypted");
        }
        return now;
    }

    private Decryption fault(String tenderId, Bid bid, DecryptionFault fault, String note, Instant windowEnds) {
        transactions.executeWithoutResult(status -> {
            bids.save(lockedStanding(tenderId, bid.id()).recordDecryptionFault(fault, note));
            events.publishEvent(new OpeningEvent(tenderId, bid.round(), OpeningEvent.Kind.DECRYPTION_FAILED,
                    bid.bidderName(), fault.name(), clock.instant()));
            settledIfDone(tenderId, bid.round());
        });
        return new Decryption(bid.id(), false, fault, note, ruleSets.notice(BiddingNotices.DECRYPTION_FAILED).citation(),
                windowEnds);
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
        boolean waiting = bids.submitted(tenderId, round).stream().anyMatch(b -> !settled(b));
        if (!waiting) {
            events.publishEvent(new BidsDecrypted(tenderId, round));
        }
    }
}
