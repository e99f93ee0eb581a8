package io.huitong.bidding.web;

import io.huitong.bidding.Bid;
import io.huitong.bidding.BidRequest;
import io.huitong.bidding.BidDecryption;
import io.huitong.bidding.BidService;
import io.huitong.bidding.BiddingNotices;
import io.huitong.bidding.BidSubmission;
import io.huitong.bidding.BondRefunds;
import io.huitong.bidding.BidStatus;
import io.huitong.bidding.ConsortiumConfirmation;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.BeanViolations;
import io.huitong.tender.TenderService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tenders/{tenderId}")
@Tag(name = "投标 Bids", description = "递交、撤回、开标后查看、退还保证金 / Submit, withdraw, read once opened, refund bonds")
class BidController {

    private final BidService bids;
    private final BidSubmission submission;
    private final BidDecryption decryption;
    private final BondRefunds bondRefunds;
    private final TenderService tenders;
    private final Validator validator;
    private final RuleSetRegistry ruleSets;

    BidController(BidService bids, BidSubmission submission, BidDecryption decryption, BondRefunds bondRefunds,
            TenderService tenders, Validator validator, RuleSetRegistry ruleSets) {
        this.ruleSets = ruleSets;
        this.bids = bids;
        this.submission = submission;
        this.decryption = decryption;
        this.bondRefunds = bondRefunds;
        this.tenders = tenders;
        this.validator = validator;
    }

    /**
     * What a bidder gets back: a receipt with the hash of the sealed file as received (a damaged copy shows against
     * it, EB20 31), nothing about anyone else.
     */
    record Receipt(String id, String tenderId, int round, String bidderId, String bidderName, Instant submittedAt,
            String sealedFileSha256, BidStatus status, Instant decryptedAt, String decisionId) {
        static Receipt of(Bid bid) {
            return new Receipt(bid.id(), bid.tenderId(), bid.round(), bid.bidderId(), bid.bidderName(),
                    bid.submittedAt(), bid.sealedHash(), bid.status(), bid.decryptedAt(), bid.decisionId());
        }
    }

    @PostMapping("/bids")
    @Operation(summary = "递交投标 Submit a bid",
            description = "Until the deadline; a bidder's new bid replaces its earlier one (TBL 29). Only an account "
                    + "bound to the bidder's entity (bidderId) submits for it: 403 otherwise, nothing replaced. The bond is "
                    + "checked against the tender's registration decision and the bidder's eligibility is decided by "
                    + "the rules: 422 with each rule and article. After the deadline: 422 citing EB20 26.")
    ResponseEntity<Receipt> submit(@PathVariable String tenderId, @RequestBody BidRequest request) {
        var invalid = BeanViolations.of(validator.validate(request));
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        Bid bid = submission.submit(tenderId, request, Operator.current());
        return ResponseEntity.created(URI.create("/api/tenders/" + tenderId + "/bids/" + bid.id()))
                .body(Receipt.of(bid));
    }

    record DecryptionRequest(@NotBlank @Size(max = 1000) String password) {
    }

    @PostMapping("/bids/{bidId}/decryption")
    @Operation(summary = "解密投标文件 Decrypt a bid",
            description = "The bidder who submitted it, after the deadline and within the decryption window (EB20 30). "
                    + "A wrong password is 422 and changes nothing. A file that cannot be opened is recorded with "
                    + "whose fault it is (EB20 31): the bidder's (deemed revoked at opening) or anyone else's, e.g. a "
                    + "stored copy that does not match the receipt (deemed withdrawn, bond refunded).")
    BidDecryption.Decryption decrypt(@PathVariable String tenderId, @PathVariable String bidId,
            @Valid @RequestBody DecryptionRequest request) {
        return decryption.decrypt(tenderId, bidId, request.password(), Operator.current());
    }

    record PlatformFault(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 100) String> bidIds, @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/opening/platform-faults")
    @Operation(summary = "记录平台原因的解密失败 Record a platform fault",
            description = "Centre clerks, within the decryption window: these bids could not be decrypted for a reason "
                    + "outside their bidders (an outage, a failed link). Not decrypted by the window's end, they are "
                    + "deemed withdrawn and their bonds refunded (EB20 31).")
    List<Receipt> platformFault(@PathVariable String tenderId, @Valid @RequestBody PlatformFault fault) {
        return decryption.platformFault(tenderId, fault.bidIds(), fault.reason()).stream().map(Receipt::of).toList();
    }

    @PostMapping("/bids/{bidId}/consortium-confirmation")
    @Operation(summary = "确认联合体共同投标协议 Confirm a consortium bid",
            description = "A member the consortium bid names confirms, through an account bound to it and before the "
                    + "deadline, that it bids in that consortium: its part of the joint bidding agreement (TBL 31; GPL "
                    + "24). Body {}. 403 for any other account, 409 after the deadline or for a bid no longer standing; "
                    + "confirming again changes nothing. At the opening a consortium bid that a named member did not "
                    + "confirm is invalid, and that member's own bid is not affected by it. A replaced bid needs its "
                    + "members' confirmations again.")
    ConsortiumConfirmation confirmConsortium(@PathVariable String tenderId, @PathVariable String bidId) {
        return submission.confirmConsortium(tenderId, bidId, Operator.current());
    }

    @DeleteMapping("/bids/{bidId}")
    @Operation(summary = "撤回投标 Withdraw a bid", description = "Only before the deadline, by an account of the bid's "
            + "entity (403 otherwise).")
    Receipt withdraw(@PathVariable String tenderId, @PathVariable String bidId) {
        return Receipt.of(submission.withdraw(tenderId, bidId, Operator.current()));
    }

    @GetMapping("/bids/{bidId}")
    @Operation(summary = "投标回执 A bid", description = "Before the opening only an account of its entity sees its receipt.")
    Object bid(@PathVariable String tenderId, @PathVariable String bidId) {
        Bid bid = bids.bid(tenderId, bidId);
        if (!bids.opened(tenderId, bid.round())) {
            bids.requireOwner(bid, Operator.current(),
                    "开标前只有投标人本人可以查看其投标 / Before the opening only the bidder sees its bid");
            return Receipt.of(bid);
        }
        return forReader(bid);
    }

    @GetMapping("/bids")
    @Operation(summary = "开标后的投标 The bids, once opened",
            description = "The bids of the rounds that were opened; 409 while none was: nobody reads bids before the "
                    + "opening, and a round that failed unopened stays sealed (TBL 22; EB20 27).")
    List<Bid> list(@PathVariable String tenderId) {
        List<Bid> opened = bids.ofTender(tenderId).stream().filter(b -> bids.opened(tenderId, b.round())).toList();
        if (opened.isEmpty()) {
            tenders.get(tenderId);
            throw new ConflictException(ruleSets.notice(BiddingNotices.BIDS_SEALED_UNTIL_OPENING).cited());
        }
        return opened.stream().map(this::forReader).toList();
    }

    /** Private details of a bid only to the centre, the committee, supervisors and the bidder who submitted it. */
    private Bid forReader(Bid bid) {
        Operator operator = Operator.current();
        return bid.submittedBy().equals(operator.userId()) || bids.owns(bid, operator) || operator.inAnyGroup(Groups.ADMIN, Groups.CENTRE_CLERK,
                Groups.SUPERVISOR, Groups.EVALUATION_EXPERT, Groups.FINANCE_DEPARTMENT) ? bid
                        : bid.withoutPrivateDetails();
    }

    record Refunds(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 100) String> bidIds) {
    }

    @PostMapping("/bond-refunds")
    @Operation(summary = "确认退还保证金 Confirm bond refunds", description = "Centre clerks and finance: the bonds "
            + "refunded. An open refund step whose every bond is then refunded is done by the same stroke (its due "
            + "date met). Answers the bonds fallen due and still to be refunded, never a sealed bid of a round still "
            + "bidding (TBL 22).")
    List<Bid> refunded(@PathVariable String tenderId, @Valid @RequestBody Refunds refunds) {
        return bondRefunds.confirm(tenderId, refunds.bidIds(), Operator.current());
    }

}
