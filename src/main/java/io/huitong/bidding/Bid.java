package io.huitong.bidding;

import io.huitong.tender.BondForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A bid as stored: what was submitted, and what opening and evaluation made of it. */
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
        String lateFeeCitation) {

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
                lateFee, lateFeeCitation);
    }

    public boolean decrypted() {
        return decryptedAt != null;
    }

    public boolean holdsBond() {
        return bondAmount != null && bondAmount.signum() > 0;
    }

    /** Every party of the bid: the bidder and its consortium members. */
    public List<String> parties() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(bidderId), consortiumMembers.stream())
                .distinct().toList();
    }
}
