package io.huitong.bidding;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.huitong.shared.web.ConflictException;
import io.huitong.tender.BondForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bid (投标): what was submitted, and what decryption, opening, evaluation and the bond's refund made of it. Its
 * status changes only through guarded transitions, each naming the state it needs (an illegal one is a
 * {@link ConflictException}, 409): the use cases decide when a transition is asked for and check the tender, the
 * bid decides whether it may happen. {@link Bids} saves it.
 *
 * <pre>
 * SUBMITTED ─ withdraw ─────────────────────────────▶ WITHDRAWN
 *     │ decrypt / recordDecryptionFault (stays SUBMITTED)
 *     ├─ deemUndecrypted (at the opening) ──────────▶ WITHDRAWN | REVOKED
 *     ├─ admit (at the opening) ────────────────────▶ VALID ─ reject (review) ─▶ INVALID
 *     └─ invalidate (at the opening) ───────────────▶ INVALID        ◀─ reopenReview ─┘
 * </pre>
 *
 * The JSON of a bid (API, archive) is its fields in declaration order; the stage of an invalidation is not shown.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
public final class Bid {

    /** Where a bid was found invalid: at the opening, undecrypted, or in the committee's review. */
    static final String AT_OPENING = "OPENING";
    static final String UNDECRYPTED = "DECRYPTION";
    static final String IN_REVIEW = "REVIEW";

    private final String id;
    private final String tenderId;
    private final int round;
    private final String bidderId;
    private final String bidderName;
    private BigDecimal price;
    private final BondForm bondForm;
    private final BigDecimal bondAmount;
    private final String bondPayerAccount;
    private final String bondGuaranteeNo;
    private final SmeSize smeSize;
    private final List<String> consortiumMembers;
    private final String legalRepresentative;
    private final String legalRepresentativeIdNo;
    private String projectManager;
    private String contactPerson;
    private final Instant submittedAt;
    private final String submittedBy;
    private BidStatus status;
    private String invalidReason;
    private String invalidCitation;
    private BigDecimal evaluatedPrice;
    private BigDecimal priceScore;
    private BigDecimal technicalScore;
    private BigDecimal totalScore;
    private Integer candidateRank;
    private Instant bondRefundDue;
    private Instant bondRefundedAt;
    private final String decisionId;
    private final String sealedHash;
    private Instant decryptedAt;
    private DecryptionFault decryptionFault;
    private String decryptionNote;
    private String fileBidderId;
    private String documentHash;
    private BidFile.FileProperties properties;
    private Instant bondKeptAt;
    private String bondKeptReason;
    private String bondKeptCitation;
    private String agent;
    private BigDecimal lateFee;
    private String lateFeeCitation;
    @JsonIgnore
    private String invalidStage;

    /** A bid as stored (by {@link Bids}, and by tests that need one in a given state). */
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
        this.id = id;
        this.tenderId = tenderId;
        this.round = round;
        this.bidderId = bidderId;
        this.bidderName = bidderName;
        this.price = price;
        this.bondForm = bondForm;
        this.bondAmount = bondAmount;
        this.bondPayerAccount = bondPayerAccount;
        this.bondGuaranteeNo = bondGuaranteeNo;
        this.smeSize = smeSize;
        this.consortiumMembers = List.copyOf(consortiumMembers);
        this.legalRepresentative = legalRepresentative;
        this.legalRepresentativeIdNo = legalRepresentativeIdNo;
        this.projectManager = projectManager;
        this.contactPerson = contactPerson;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.status = status;
        this.invalidReason = invalidReason;
        this.invalidCitation = invalidCitation;
        this.evaluatedPrice = evaluatedPrice;
        this.priceScore = priceScore;
        this.technicalScore = technicalScore;
        this.totalScore = totalScore;
        this.candidateRank = candidateRank;
        this.bondRefundDue = bondRefundDue;
        this.bondRefundedAt = bondRefundedAt;
        this.decisionId = decisionId;
        this.sealedHash = sealedHash;
        this.decryptedAt = decryptedAt;
        this.decryptionFault = decryptionFault;
        this.decryptionNote = decryptionNote;
        this.fileBidderId = fileBidderId;
        this.documentHash = documentHash;
        this.properties = properties;
        this.bondKeptAt = bondKeptAt;
        this.bondKeptReason = bondKeptReason;
        this.bondKeptCitation = bondKeptCitation;
        this.agent = agent;
        this.lateFee = lateFee;
        this.lateFeeCitation = lateFeeCitation;
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
                sealedHash, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The stage of an invalidation, as read back from the database. */
    void restoreInvalidStage(String stage) {
        this.invalidStage = stage;
    }

    // ---- before the deadline ----------------------------------------------------------------------------------

    /** The bidder withdraws its bid (TBL 29); the caller has checked that the deadline has not passed. */
    public void withdraw() {
        requireStatus("withdraw", BidStatus.SUBMITTED);
        settle(BidStatus.WITHDRAWN, null, null, null);
    }

    // ---- decryption (EB20 30, 31) -----------------------------------------------------------------------------

    /** The bidder opened its file: what it holds becomes the bid's, and any earlier fault is forgotten. */
    public void decrypt(BidFile file, String documentHash, Instant at) {
        requireSealed("decrypt");
        this.price = file.price();
        this.projectManager = file.projectManager();
        this.contactPerson = file.contactPerson();
        this.agent = file.agent();
        this.fileBidderId = file.bidderId();
        this.documentHash = documentHash;
        this.properties = file.properties() == null ? new BidFile.FileProperties(null, null, null, null, null)
                : file.properties();
        this.decryptedAt = at;
        this.decryptionFault = null;
        this.decryptionNote = null;
    }

    /** The file could not be decrypted, through whose fault and why; a later attempt may still succeed. */
    public void recordDecryptionFault(DecryptionFault fault, String note) {
        requireSealed("record a decryption fault on");
        this.decryptionFault = fault;
        this.decryptionNote = note;
    }

    // ---- opening ----------------------------------------------------------------------------------------------

    /** Not decrypted by the end of the window: deemed withdrawn or revoked, by whose fault (EB20 31). */
    public void deemUndecrypted(BidStatus outcome, String reason, String citation) {
        requireStatus("deem undecrypted", BidStatus.SUBMITTED);
        if (decrypted()) {
            throw conflict("deem undecrypted");
        }
        if (outcome != BidStatus.WITHDRAWN && outcome != BidStatus.REVOKED) {
            throw new IllegalArgumentException("an undecrypted bid is deemed withdrawn or revoked, not " + outcome);
        }
        settle(outcome, reason, citation, UNDECRYPTED);
    }

    /** Opened and not invalidated by the checks that concern several bidders: the bid is valid. */
    public void admit() {
        requireDecrypted("admit");
        settle(BidStatus.VALID, null, null, null);
    }

    /** Opened and invalidated by a check at the opening, with the reason and its article. */
    public void invalidate(String reason, String citation) {
        requireDecrypted("invalidate");
        settle(BidStatus.INVALID, reason, citation, AT_OPENING);
    }

    // ---- evaluation -------------------------------------------------------------------------------------------

    /** Rejected in the committee's review (H1, H3), with the reason and its article. */
    public void reject(String reason, String citation) {
        if (status != BidStatus.VALID) {
            throw new ConflictException("只能否决有效投标 / Only a valid bid can be rejected");
        }
        settle(BidStatus.INVALID, reason, citation, IN_REVIEW);
    }

    /** The committee's results for a valid bid. */
    public void score(BigDecimal evaluatedPrice, BigDecimal priceScore, BigDecimal technicalScore,
            BigDecimal totalScore, Integer rank) {
        requireStatus("score", BidStatus.VALID);
        this.evaluatedPrice = evaluatedPrice;
        this.priceScore = priceScore;
        this.technicalScore = technicalScore;
        this.totalScore = totalScore;
        this.candidateRank = rank;
    }

    /**
     * The committee was dismissed: a rejection in its review no longer stands and its scores are gone, for a new
     * committee to evaluate afresh. What the opening decided stays.
     */
    public void reopenReview() {
        if (status == BidStatus.INVALID && IN_REVIEW.equals(invalidStage)) {
            settle(BidStatus.VALID, null, null, null);
        }
        evaluatedPrice = null;
        priceScore = null;
        technicalScore = null;
        totalScore = null;
        candidateRank = null;
    }

    // ---- the bond ---------------------------------------------------------------------------------------------

    /** The bond falls due for refund on {@code due} (TBR 35, 57; O87 38). */
    public void bondFallsDue(Instant due) {
        requireBondHeld("schedule the refund of");
        bondRefundDue = due;
    }

    /** The bond was refunded (an e-guarantee surrendered) at {@code at}. */
    public void refundBond(Instant at) {
        requireBondHeld("refund");
        bondRefundedAt = at;
    }

    /** Refunded late: the fee the refund rules set (O87 38). */
    public void chargeLateFee(BigDecimal fee, String citation) {
        if (bondRefundedAt == null) {
            throw conflict("charge a late fee on the unrefunded bond of");
        }
        lateFee = fee;
        lateFeeCitation = citation;
    }

    /** The tenderer keeps the bond (TBR 35, 74): it is no longer due for refund. */
    public void keepBond(Instant at, String reason, String citation) {
        if (bondRefundedAt != null || bondKeptAt != null) {
            throw conflict("keep the bond of");
        }
        bondKeptAt = at;
        bondKeptReason = reason;
        bondKeptCitation = citation;
        bondRefundDue = null;
    }

    // ---- guards -----------------------------------------------------------------------------------------------

    private void settle(BidStatus to, String reason, String citation, String stage) {
        status = to;
        invalidReason = reason;
        invalidCitation = citation;
        invalidStage = stage;
    }

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

    /** A bond held, neither refunded nor kept. */
    private void requireBondHeld(String action) {
        if (!bondStillHeld()) {
            throw conflict(action);
        }
    }

    private ConflictException conflict(String action) {
        String state = status + (decrypted() ? ", decrypted" : "") + (bondRefundedAt != null ? ", bond refunded" : "")
                + (bondKeptAt != null ? ", bond kept" : "");
        return new ConflictException("投标 " + id + " 的当前状态不允许此操作 / Bid " + id + " is " + state + ": cannot "
                + action + " it");
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The bid as competitors and the public may see it once opened: without the files' machine fingerprints, the
     * representative's identity number, the bond's payer account and the agent, which only the centre, the
     * committee, supervisors and the bidder itself read.
     */
    public Bid withoutPrivateDetails() {
        Bid copy = new Bid(id, tenderId, round, bidderId, bidderName, price, bondForm, bondAmount, null,
                bondGuaranteeNo, smeSize, consortiumMembers, legalRepresentative, null, projectManager, contactPerson,
                submittedAt, submittedBy, status, invalidReason, invalidCitation, evaluatedPrice, priceScore,
                technicalScore, totalScore, candidateRank, bondRefundDue, bondRefundedAt, decisionId, sealedHash,
                decryptedAt, decryptionFault, decryptionNote, null, null, null, bondKeptAt, bondKeptReason,
                bondKeptCitation, null, lateFee, lateFeeCitation);
        copy.invalidStage = invalidStage;
        return copy;
    }

    /** A bid is the same bid as stored and as changed: identified by its id. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Bid bid && id.equals(bid.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Bid[" + id + " of " + bidderId + ", tender " + tenderId + " round " + round + ", " + status + "]";
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

    /** Where the bid was found invalid ({@code OPENING}, {@code DECRYPTION}, {@code REVIEW}), if it was. */
    String invalidStage() {
        return invalidStage;
    }

    public String id() {
        return id;
    }

    public String tenderId() {
        return tenderId;
    }

    public int round() {
        return round;
    }

    public String bidderId() {
        return bidderId;
    }

    public String bidderName() {
        return bidderName;
    }

    public BigDecimal price() {
        return price;
    }

    public BondForm bondForm() {
        return bondForm;
    }

    public BigDecimal bondAmount() {
        return bondAmount;
    }

    public String bondPayerAccount() {
        return bondPayerAccount;
    }

    public String bondGuaranteeNo() {
        return bondGuaranteeNo;
    }

    public SmeSize smeSize() {
        return smeSize;
    }

    public List<String> consortiumMembers() {
        return consortiumMembers;
    }

    public String legalRepresentative() {
        return legalRepresentative;
    }

    public String legalRepresentativeIdNo() {
        return legalRepresentativeIdNo;
    }

    public String projectManager() {
        return projectManager;
    }

    public String contactPerson() {
        return contactPerson;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public BidStatus status() {
        return status;
    }

    public String invalidReason() {
        return invalidReason;
    }

    public String invalidCitation() {
        return invalidCitation;
    }

    public BigDecimal evaluatedPrice() {
        return evaluatedPrice;
    }

    public BigDecimal priceScore() {
        return priceScore;
    }

    public BigDecimal technicalScore() {
        return technicalScore;
    }

    public BigDecimal totalScore() {
        return totalScore;
    }

    public Integer candidateRank() {
        return candidateRank;
    }

    public Instant bondRefundDue() {
        return bondRefundDue;
    }

    public Instant bondRefundedAt() {
        return bondRefundedAt;
    }

    public String decisionId() {
        return decisionId;
    }

    public String sealedHash() {
        return sealedHash;
    }

    public Instant decryptedAt() {
        return decryptedAt;
    }

    public DecryptionFault decryptionFault() {
        return decryptionFault;
    }

    public String decryptionNote() {
        return decryptionNote;
    }

    public String fileBidderId() {
        return fileBidderId;
    }

    public String documentHash() {
        return documentHash;
    }

    public BidFile.FileProperties properties() {
        return properties;
    }

    public Instant bondKeptAt() {
        return bondKeptAt;
    }

    public String bondKeptReason() {
        return bondKeptReason;
    }

    public String bondKeptCitation() {
        return bondKeptCitation;
    }

    public String agent() {
        return agent;
    }

    public BigDecimal lateFee() {
        return lateFee;
    }

    public String lateFeeCitation() {
        return lateFeeCitation;
    }
}
