package io.huitong.bidding;

import io.huitong.shared.web.NotFoundException;
import io.huitong.tender.BondForm;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bids in the database. */
@Repository
class Bids {

    private final JdbcClient jdbc;

    Bids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Bid b) {
        jdbc.sql("""
                insert into bid (id, tender_id, round, bidder_id, bidder_name, price, bond_form, bond_amount,
                    bond_payer_account, bond_guarantee_no, sme_size, consortium_members, legal_representative,
                    legal_representative_id_no, project_manager, contact_person, submitted_at, submitted_by, status,
                    decision_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id(), b.tenderId(), b.round(), b.bidderId(), b.bidderName(), b.price(),
                        b.bondForm() == null ? null : b.bondForm().name(), b.bondAmount(), b.bondPayerAccount(),
                        b.bondGuaranteeNo(), b.smeSize().name(), String.join(",", b.consortiumMembers()),
                        b.legalRepresentative(), b.legalRepresentativeIdNo(), b.projectManager(), b.contactPerson(),
                        Timestamp.from(b.submittedAt()),
                        b.submittedBy(), b.status().name(), b.decisionId())
                .update();
    }

    void insertFile(String bidId, String sealed, SealedFiles.Envelope envelope) {
        jdbc.sql("insert into bid_file (bid_id, sealed, sealed_hash, algorithm) values (?, ?, ?, ?)")
                .params(bidId, sealed, envelope.hash(), envelope.algorithm()).update();
        jdbc.sql("update bid set sealed_hash = ? where id = ?").params(envelope.hash(), bidId).update();
    }

    /** The sealed file as stored. */
    Optional<String> sealedFile(String bidId) {
        return jdbc.sql("select sealed from bid_file where bid_id = ?").param(bidId).query(String.class).optional();
    }

    /**
     * Saves the bid as its transition answered it: its status and why, what its decryption found, the committee's
     * scores, the bond's refund, keeping and late fee. Load the bid with {@link #lock} in the same transaction.
     */
    void save(Bid b) {
        BidFile.FileProperties p = b.properties() == null ? new BidFile.FileProperties(null, null, null, null, null)
                : b.properties();
        jdbc.sql("""
                update bid set status = ?, invalid_reason = ?, invalid_citation = ?, invalid_stage = ?,
                    price = ?, project_manager = ?, contact_person = ?, agent = ?, file_bidder_id = ?,
                    document_hash = ?, machine_code = ?, mac_address = ?, cpu_serial = ?, disk_serial = ?,
                    creator_id = ?, decrypted_at = ?, decryption_fault = ?, decryption_note = ?,
                    evaluated_price = ?, price_score = ?, technical_score = ?, total_score = ?, candidate_rank = ?,
                    bond_refund_due = ?, bond_refunded_at = ?, bond_kept_at = ?, bond_kept_reason = ?,
                    bond_kept_citation = ?, late_fee = ?, late_fee_citation = ?, project_manager_certificate = ?
                where id = ?""")
                .params(b.status().name(), b.invalidReason(), b.invalidCitation(), b.invalidStage(), b.price(),
                        b.projectManager(), b.contactPerson(), b.agent(), b.fileBidderId(), b.documentHash(),
                        p.machineCode(), p.macAddress(), p.cpuSerial(), p.diskSerial(), p.creatorId(),
                        timestamp(b.decryptedAt()), b.decryptionFault() == null ? null : b.decryptionFault().name(),
                        b.decryptionNote(), b.evaluatedPrice(), b.priceScore(), b.technicalScore(), b.totalScore(),
                        b.candidateRank(), timestamp(b.bondRefundDue()), timestamp(b.bondRefundedAt()),
                        timestamp(b.bondKeptAt()), b.bondKeptReason(), b.bondKeptCitation(), b.lateFee(),
                        b.lateFeeCitation(), b.projectManagerCertificateNo(), b.id())
                .update();
    }

    /** The bid, its row locked until the transaction ends: load it so to change and {@link #save} it. */
    Optional<Bid> lock(String id) {
        return jdbc.sql("select * from bid where id = ? for update").param(id).query(Bids::map).optional();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /**
     * A bidder's standing bid in the round is replaced by its new one (TBL 29: bids may be modified). A withdrawn
     * bid stays, holding its bond until refunded.
     */
    void replaceSubmitted(String tenderId, int round, String bidderId) {
        jdbc.sql("delete from bid where tender_id = ? and round = ? and bidder_id = ? and status = 'SUBMITTED'")
                .params(tenderId, round, bidderId).update();
    }

    /** A member's confirmation of a consortium bid (its part of the joint bidding agreement, TBL 31; GPL 24). */
    void confirmMember(String bidId, String memberId, String by, Instant at) {
        jdbc.sql("insert into consortium_confirmation (bid_id, member_id, confirmed_by, confirmed_at) values (?, ?, ?, ?)")
                .params(bidId, memberId, by, Timestamp.from(at)).update();
    }

    /** The confirmations the members of a consortium bid gave, in the order given. */
    List<ConsortiumConfirmation> confirmations(String bidId) {
        return jdbc.sql("select * from consortium_confirmation where bid_id = ? order by confirmed_at, member_id")
                .param(bidId).query((rs, row) -> new ConsortiumConfirmation(rs.getString("bid_id"),
                        rs.getString("member_id"), rs.getString("confirmed_by"),
                        rs.getTimestamp("confirmed_at").toInstant()))
                .list();
    }

    /** The bid, if it belongs to the tender; 404 otherwise. */
    Bid get(String tenderId, String bidId) {
        return find(bidId).filter(b -> b.tenderId().equals(tenderId)).orElseThrow(() -> notFound(bidId));
    }

    /** The bid of the tender, locked to be changed and saved in this transaction; 404 if there is none. */
    Bid lock(String tenderId, String bidId) {
        return lock(bidId).filter(b -> b.tenderId().equals(tenderId)).orElseThrow(() -> notFound(bidId));
    }

    private static NotFoundException notFound(String bidId) {
        return new NotFoundException("投标不存在 / No bid " + bidId);
    }

    /** The bids of the round still standing: submitted, neither withdrawn nor opened. */
    List<Bid> submitted(String tenderId, int round) {
        return ofRound(tenderId, round).stream().filter(b -> b.status() == BidStatus.SUBMITTED).toList();
    }

    /** Whether the round's bids were opened: only then may anyone read them (TBL 22; EB20 27). */
    boolean opened(String tenderId, int round) {
        return ofRound(tenderId, round).stream().anyMatch(Bid::openedAtOpening);
    }

    Optional<Bid> find(String id) {
        return jdbc.sql("select * from bid where id = ?").param(id).query(Bids::map).optional();
    }

    Optional<Bid> ofBidder(String tenderId, int round, String bidderId) {
        return jdbc.sql("select * from bid where tender_id = ? and round = ? and bidder_id = ?")
                .params(tenderId, round, bidderId).query(Bids::map).optional();
    }

    List<Bid> ofRound(String tenderId, int round) {
        return jdbc.sql("select * from bid where tender_id = ? and round = ? order by submitted_at, id")
                .params(tenderId, round).query(Bids::map).list();
    }

    List<Bid> ofTender(String tenderId) {
        return jdbc.sql("select * from bid where tender_id = ? order by round, submitted_at, id")
                .param(tenderId).query(Bids::map).list();
    }

    private static Bid map(ResultSet rs, int row) throws SQLException {
        String form = rs.getString("bond_form");
        String members = rs.getString("consortium_members");
        Timestamp due = rs.getTimestamp("bond_refund_due");
        Timestamp refunded = rs.getTimestamp("bond_refunded_at");
        int rank = rs.getInt("candidate_rank");
        Integer rankOrNull = rs.wasNull() ? null : rank;
        return new Bid(rs.getString("id"), rs.getString("tender_id"), rs.getInt("round"), rs.getString("bidder_id"),
                rs.getString("bidder_name"), rs.getBigDecimal("price"), form == null ? null : BondForm.valueOf(form),
                rs.getBigDecimal("bond_amount"), rs.getString("bond_payer_account"), rs.getString("bond_guarantee_no"),
                SmeSize.valueOf(rs.getString("sme_size")),
                members == null || members.isBlank() ? List.of() : Arrays.asList(members.split(",")),
                rs.getString("legal_representative"), rs.getString("legal_representative_id_no"),
                rs.getString("project_manager"), rs.getString("contact_person"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                BidStatus.valueOf(rs.getString("status")), rs.getString("invalid_reason"),
                rs.getString("invalid_citation"), rs.getBigDecimal("evaluated_price"), rs.getBigDecimal("price_score"),
                rs.getBigDecimal("technical_score"), rs.getBigDecimal("total_score"), rankOrNull,
                due == null ? null : due.toInstant(), refunded == null ? null : refunded.toInstant(),
                rs.getString("decision_id"), rs.getString("sealed_hash"), instant(rs, "decrypted_at"),
                rs.getString("decryption_fault") == null ? null : DecryptionFault.valueOf(rs.getString("decryption_fault")),
                rs.getString("decryption_note"), rs.getString("file_bidder_id"), rs.getString("document_hash"),
                properties(rs), instant(rs, "bond_kept_at"), rs.getString("bond_kept_reason"),
                rs.getString("bond_kept_citation"), rs.getString("agent"), rs.getBigDecimal("late_fee"),
                rs.getString("late_fee_citation"), rs.getString("invalid_stage"),
                rs.getString("project_manager_certificate"));
    }

    private static BidFile.FileProperties properties(ResultSet rs) throws SQLException {
        if (rs.getTimestamp("decrypted_at") == null) {
            return null;
        }
        return new BidFile.FileProperties(rs.getString("machine_code"), rs.getString("mac_address"),
                rs.getString("cpu_serial"), rs.getString("disk_serial"), rs.getString("creator_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    void saveOpeningRecord(String tenderId, int round, String record, Instant at) {
        jdbc.sql("delete from opening_record where tender_id = ? and round = ?").params(tenderId, round).update();
        jdbc.sql("insert into opening_record (tender_id, round, record, created_at) values (?, ?, ?, ?)")
                .params(tenderId, round, record, Timestamp.from(at)).update();
    }

    java.util.Optional<String> openingRecord(String tenderId, int round) {
        return jdbc.sql("select record from opening_record where tender_id = ? and round = ?").params(tenderId, round)
                .query(String.class).optional();
    }
}
