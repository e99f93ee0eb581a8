package io.huitong.bidding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.huitong.shared.web.ConflictException;
import io.huitong.tender.BondForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bid (投标): what was submitted, and what decryption, opening, evaluation and the bond's refund made of it. A bid
 * is a value: it changes only through guarded transitions, each naming the state it needs (an illegal one is a
 * {@link ConflictException}, 409) and answering the bid as changed, which {@link Bids} saves. The use cases decide
 * when a transition is asked for and check the tender; the bid decides whether it may happen.
 *
 * <pre>
 * SUBMITTED ─ withdraw ───────────────────────────▶ WITHDRAWN
 *     │  decrypt, recordDecryptionFault (stay SUBMITTED)
 *     ├─ deemUndecrypted (at the opening) ─────────▶ WITHDRAWN | REVOKED
 *     ├─ admit (at the opening) ───────────────────▶ VALID ── reject (review) ──▶ INVALID
 *     └─ invalidate (at the opening) ──────────────▶ INVALID     ◀── reopenReview ──┘
 * the bond: bondFallsDue → refundBond → chargeLateFee, or keepBond
 * </pre>
 *
 * {@code invalidStage} (where it was found invalid: OPENING, DECRYPTION, REVIEW) is not shown in its JSON.
 */
public record Bid(
        String id,
        String tenderId,
        int round,
        String bidderId,
        String bidderName,
        BigDecimal price,
        BondForm bondForm,
        BigDecimal bondAmount,
        String bondPayerAccount,
        String bondGuaranteeNo,
        SmeSize smeSize,
        List<String> consortiumMembers,
        String legalRepresentative,
        String legalRepresentativeIdNo,
        String projectManager,
        String contactPerson,
        Instant submittedAt,
        String submittedBy,
        BidStatus status,
        String invalidReason,
        String invalidCitation,
        BigDecimal evaluatedPrice,
        BigDecimal priceScore,
        BigDecimal technicalScore,
        BigDecimal totalScore,
        Integer candidateRank,
        Instant bondRefundDue,
        Instant bondRefundedAt,
        String decisionId,
        String sealedHash,
        Instant decryptedAt,
        DecryptionFault decryptionFault,
        String decryptionNote,
        String fileBidderId,
        String documentHash,
        BidFile.FileProperties properties,
        Instant bondKeptAt,
        String bondKeptReason,
        String bondKeptCitation,
        String agent,
        BigDecimal lateFee,
        String lateFeeCitation,
        @JsonIgnore String invalidStage,
        String projectManagerCertificateNo) {

    static final String AT_OPENING = "OPENING";
    static final String UNDECRYPTED = "DECRYPTION";
    static final String IN_REVIEW = "REVIEW";

    public Bid {
        consortiumMembers = List.copyOf(consortiumMembers);
    }

    /** A bid as stored before its project manager's certificate number was read from its file. */
    Bid(String id, String tenderId, int round, String bidderId, String bidderName, BigDecimal price, BondForm bondForm,
            BigDecimal bondAmount, String bondPayerAccount, String bondGuaranteeNo, SmeSize smeSize,
            List<String> consortiumMembers, String legalRepresentative, String legalRepresentativeIdNo,
            String projectManager, String contactPerson, Instant submittedAt, String submittedBy, BidStatus status,
            String invalidReason, String invalidCitation, BigDecimal evaluatedPrice, BigDecimal priceScore,
            BigDecimal technicalScore, BigDecimal totalScore, Integer candidateRank, Instant bondRefundDue,
            Instant bondRefundedAt, String decisionId, String sealedHash, Instant decryptedAt,
            DecryptionFault decryptionFault, String decryptionNote, String fileBidderId, String documentHash,
            BidFile.FileProperties properties, Instant bondKeptAt, String bondKeptReason, String bondKeptCitation,
            String agent, BigDecimal lateFee, String lateFeeCitation, String invalidStage) {
        this(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, bondPayerAccount, bondGuaranteeNo,
                smeSize, consortiumMembers, legalRepresentative, legalRepresentativeIdNo, projectManager,
                contactPerson, submittedAt, submittedBy, status, invalidReason, invalidCitation, evaluatedPrice,
                priceScore, technicalScore, totalScore, candidateRank, bondRefundDue, bondRefundedAt, decisionId,
                sealedHash, decryptedAt, decryptionFault, decryptionNote, fileBidderId, documentHash, properties,
                bondKeptAt, bondKeptReason, bondKeptCitation, agent, lateFee, lateFeeCitation, invalidStage, null);
    }

    /** A bid as stored before the stage of its invalidation was known (tests build bids so). */
    Bid(String id, String tenderId, int round, String bidderId, String bidderName, BigDecimal price, BondForm bondForm,
            BigDecimal bondAmount, String bondPayerAccount, String bondGuaranteeNo, SmeSize smeSize,
            List<String> consortiumMembers, String legalRepresentative, String legalRepresentativeIdNo,
            String projectManager, String contactPerson, Instant submittedAt, String submittedBy, BidStatus status,
            String invalidReason, String invalidCitation, BigDecimal evaluatedPrice, BigDecimal priceScore,
            BigDecimal technicalScore, BigDecimal totalScore, Integer candidateRank, Instant bondRefundDue,
            Instant bondRefundedAt, String decisionId, String sealedHash, Instant decryptedAt,
            DecryptionFault decryptionFault, String decryptionNote, String fileBidderId, String documentHash,
            BidFile.FileProperties properties, Instant bondKeptAt, String bondKeptReason, String bondKeptCitation,
            String agent, BigDecimal lateFee, String lateFeeCitation) {
        this(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, bondPayerAccount, bondGuaranteeNo,
                smeSize, consortiumMembers, legalRepresentative, legalRepresentativeIdNo, projectManager,
                contactPerson, submittedAt, submittedBy, status, invalidReason, invalidCitation, evaluatedPrice,
                priceScore, technicalScore, totalScore, candidateRank, bondRefundDue, bondRefundedAt, decisionId,
                sealedHash, decryptedAt, decryptionFault, decryptionNote, fileBidderId, documentHash, properties,
                bondKeptAt, bondKeptReason, bondKeptCitation, agent, lateFee, lateFeeCitation, null);
    }

    /** A bid just received: sealed, its file readable by nobody until its bidder decrypts it (EB20 26, 27). */
    static Bid submitted(String id, String tenderId, int round, BidRequest request, Instant at, String by,
            String decisionId, String sealedHash) {
        Bond bond = request.bond();
        return new Bid(id, tenderId, round, request.bidderId(), request.bidderName().strip(), null,
                bond == null ? null : bond.form(), bond == null ? null : bond.amount(),
                bond == null ? null : bond.payerAccount(), bond == null ? null : bond.guaranteeNo(), request.smeSize(),
                request.members(), request.legalRepresentative().strip(), request.legalRepresentativeIdNo(), null,
                null, at, by, BidStatus.SUBMITTED, null, null, null, null, null, null, null, null, null, decisionId,
                sealedHash, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    // ---- transitions ------------------------------------------------------------------------------------------

    /** The bidder withdraws its bid (TBL 29); the caller has checked that the deadline has not passed. */
    Bid withdraw() {
        requireStatus("withdraw", BidStatus.SUBMITTED);
        return settled(BidStatus.WITHDRAWN, null, null, null);
    }

    /** The bidder opened its file (EB20 30): what it holds becomes the bid's, and any earlier fault is forgotten. */
    Bid decrypt(BidFile file, String documentHash, Instant at) {
        requireSealed("decrypt");
        return withFile(file.price(), file.projectManager(), file.projectManagerCertificateNo(), file.contactPerson(),
                file.agent(), file.bidderId(),
                documentHash, file.properties() == null ? new BidFile.FileProperties(null, null, null, null, null)
                        : file.properties(), at, null, null);
    }

    /** The file could not be decrypted, through whose fault and why (EB20 31); a later attempt may still succeed. */
    Bid recordDecryptionFault(DecryptionFault fault, String note) {
        requireSealed("record a decryption fault on");
        return withFile(price, projectManager, projectManagerCertificateNo, contactPerson, agent, fileBidderId,
                documentHash, properties, decryptedAt, fault, note);
    }

    /** Not decrypted by the end of the window: deemed withdrawn or revoked, by whose fault (EB20 31). */
    Bid deemUndecrypted(BidStatus outcome, String reason, String citation) {
        requireSealed("deem undecrypted");
        if (outcome != BidStatus.WITHDRAWN && outcome != BidStatus.REVOKED) {
            throw new IllegalArgumentException("an undecrypted bid is deemed withdrawn or revoked, not " + outcome);
        }
        return settled(outcome, reason, citation, UNDECRYPTED);
    }

    /** Opened and not invalidated by the checks that concern several bidders: the bid is valid. */
    Bid admit() {
        requireDecrypted("admit");
        return settled(BidStatus.VALID, null, null, null);
    }

    /** Opened and invalidated by a check at the opening, with the reason and its article. */
    Bid invalidate(String reason, String citation) {
        requireDecrypted("invalidate");
        return settled(BidStatus.INVALID, reason, citation, AT_OPENING);
    }

    /** Rejected in the committee's review (H1, H3), with the reason and its article. */
    Bid reject(String reason, String citation) {
        if (status != BidStatus.VALID) {
            throw new ConflictException("只能否决有效投标 / Only a valid bid can be rejected");
        }
        return settled(BidStatus.INVALID, reason, citation, IN_REVIEW);
    }

    /** The committee's results for a valid bid. */
    Bid score(BigDecimal evaluated, BigDecimal priceScore, BigDecimal technical, BigDecimal total, Integer rank) {
        requireStatus("score", BidStatus.VALID);
        return withScores(evaluated, priceScore, technical, total, rank);
    }

    /**
     * The committee was dismissed: a rejection in its review no longer stands and its scores are gone, for a new
     * committee to evaluate afresh. What the opening decided stays.
     */
    Bid reopenReview() {
        Bid reopened = status == BidStatus.INVALID && IN_REVIEW.equals(invalidStage)
                ? settled(BidStatus.VALID, null, null, null) : this;
        return reopened.withScores(null, null, null, null, null);
    }

    /** The bond falls due for refund on {@code due} (TBR 35, 57; O87 38). */
    Bid bondFallsDue(Instant due) {
        requireBondHeld("schedule the refund of");
        return withBond(due, bondRefundedAt, bondKeptAt, bondKeptReason, bondKeptCitation, lateFee, lateFeeCitation);
    }

    /** The bond was refunded (an e-guarantee surrendered) at {@code at}. */
    Bid refundBond(Instant at) {
        requireBondHeld("refund");
        return withBond(bondRefundDue, at, bondKeptAt, bondKeptReason, bondKeptCitation, lateFee, lateFeeCitation);
    }

    /** Refunded late: the fee the refund rules set (O87 38). */
    Bid chargeLateFee(BigDecimal fee, String citation) {
        if (bondRefundedAt == null) {
            throw conflict("charge a late fee on the unrefunded bond of");
        }
        return withBond(bondRefundDue, bondRefundedAt, bondKeptAt, bondKeptReason, bondKeptCitation, fee, citation);
    }

    /** The tenderer keeps the bond (TBR 35, 74): it is no longer due for refund. */
    Bid keepBond(Instant at, String reason, String citation) {
        if (bondRefundedAt != null || bondKeptAt != null) {
            throw conflict("keep the bond of");
        }
        return withBond(null, null, at, reason, citation, lateFee, lateFeeCitation);
    }

    // ---- guards -----------------------------------------------------------------------------------------------

    private void requireStatus(String action, BidStatus... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw conflict(action);
        }
    }

    /** Still sealed: submitted and not yet decrypted. */
    private void requireSealed(String action) {
        requireStatus(action, BidStatus.SUBMITTED);
        if (decrypted()) {
            throw new ConflictException("投标文件已解密 / The bid is already decrypted");
        }
    }

    private void requireDecrypted(String action) {
        requireStatus(action, BidStatus.SUBMITTED);
        if (!decrypted()) {
            throw conflict(action);
        }
    }

    private void requireBondHeld(String action) {
        if (!bondStillHeld()) {
            throw conflict(action);
        }
    }

    private ConflictException conflict(String action) {
        String state = status + (decrypted() ? ", decrypted" : "") + (bondRefundedAt != null ? ", bond refunded" : "")
                + (bondKeptAt != null ? ", bond kept" : "") + (holdsBond() ? "" : ", no bond");
        return new ConflictException("投标 " + id + " 的当前状态不允许此操作 / Bid " + id + " is " + state + ": cannot "
                + action + " it");
    }

    // ---- the bid as changed -----------------------------------------------------------------------------------

    private Bid settled(BidStatus to, String reason, String citation, String stage) {
        return new Bid(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, bondPayerAccount,
                bondGuaranteeNo, smeSize, consortiumMembers, legalRepresentative, legalRepresentativeIdNo,
                projectManager, contactPerson, submittedAt, submittedBy, to, reason, citation, evaluatedPrice,
                priceScore, technicalScore, totalScore, candidateRank, bondRefundDue, bondRefundedAt, decisionId,
                sealedHash, decryptedAt, decryptionFault, decryptionNote, fileBidderId, documentHash, properties,
                bondKeptAt, bondKeptReason, bondKeptCitation, agent, lateFee, lateFeeCitation, stage,
                projectManagerCertificateNo);
    }

    private Bid withFile(BigDecimal price, String projectManager, String certificateNo, String contactPerson,
            String agent, String fileBidderId, String documentHash, BidFile.FileProperties properties,
            Instant decryptedAt, DecryptionFault fault, String note) {
        return new Bid(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, bondPayerAccount,
                bondGuaranteeNo, smeSize, consortiumMembers, legalRepresentative, legalRepresentativeIdNo,
                projectManager, contactPerson, submittedAt, submittedBy, status, invalidReason, invalidCitation,
                evaluatedPrice, priceScore, technicalScore, totalScore, candidateRank, bondRefundDue, bondRefundedAt,
                decisionId, sealedHash, decryptedAt, fault, note, fileBidderId, documentHash, properties, bondKeptAt,
                bondKeptReason, bondKeptCitation, agent, lateFee, lateFeeCitation, invalidStage, certificateNo);
    }

    private Bid withScores(BigDecimal evaluated, BigDecimal priceScore, BigDecimal technical, BigDecimal total,
            Integer rank) {
        return new Bid(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, bondPayerAccount,
                bondGuaranteeNo, smeSize, consortiumMembers, legalRepresentative, legalRepresentativeIdNo,
                projectManager, contactPerson, submittedAt, submittedBy, status, invalidReason, invalidCitation,
                evaluated, priceScore, technical, total, rank, bondRefundDue, bondRefundedAt, decisionId, sealedHash,
                decryptedAt, decryptionFault, decryptionNote, fileBidderId, documentHash, properties, bondKeptAt,
                bondKeptReason, bondKeptCitation, agent, lateFee, lateFeeCitation, invalidStage,
                projectManagerCertificateNo);
    }

    private Bid withBond(Instant refundDue, Instant refundedAt, Instant keptAt, String keptReason, String keptCitation,
            BigDecimal fee, String feeCitation) {
        return new Bid(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, bondPayerAccount,
                bondGuaranteeNo, smeSize, consortiumMembers, legalRepresentative, legalRepresentativeIdNo,
                projectManager, contactPerson, submittedAt, submittedBy, status, invalidReason, invalidCitation,
                evaluatedPrice, priceScore, technicalScore, totalScore, candidateRank, refundDue, refundedAt,
                decisionId, sealedHash, decryptedAt, decryptionFault, decryptionNote, fileBidderId, documentHash,
                properties, keptAt, keptReason, keptCitation, agent, fee, feeCitation, invalidStage,
                projectManagerCertificateNo);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The bid as competitors and the public may see it once opened: without the files' machine fingerprints, the
     * representative's identity number, the bond's payer account and the agent, which only the centre, the
     * committee, supervisors and the bidder itself read.
     */
    public Bid withoutPrivateDetails() {
        return new Bid(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, null, bondGuaranteeNo,
                smeSize, consortiumMembers, legalRepresentative, null, projectManager, contactPerson, submittedAt,
                submittedBy, status, invalidReason, invalidCitation, evaluatedPrice, priceScore, technicalScore,
                totalScore, candidateRank, bondRefundDue, bondRefundedAt, decisionId, sealedHash, decryptedAt,
                decryptionFault, decryptionNote, null, null, null, bondKeptAt, bondKeptReason, bondKeptCitation, null,
                lateFee, lateFeeCitation, invalidStage, projectManagerCertificateNo);
    }

    public boolean decrypted() {
        return decryptedAt != null;
    }

    public boolean holdsBond() {
        return bondAmount != null && bondAmount.signum() > 0;
    }

    /** A bond held and still owed back: neither refunded nor kept by the tenderer. */
    public boolean bondStillHeld() {
        return holdsBond() && bondRefundedAt == null && bondKeptAt == null;
    }

    /**
     * Whether the opening decided on this bid: valid, invalid, revoked, or deemed withdrawn because its file could
     * not be decrypted (a bid its bidder withdrew before the deadline was never opened).
     */
    public boolean openedAtOpening() {
        return status == BidStatus.VALID || status == BidStatus.INVALID || status == BidStatus.REVOKED
                || status == BidStatus.WITHDRAWN && decryptionFault != null;
    }

    /** Every party of the bid: the bidder and its consortium members. */
    public List<String> parties() {
        return Stream.concat(Stream.of(bidderId), consortiumMembers.stream()).distinct().toList();
    }
}
