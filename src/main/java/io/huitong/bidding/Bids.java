package io.huitong.bidding;

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

    /** The decrypted file's content, now that its bidder has opened it. */
    void decrypted(String bidId, BidFile file, String documentHash, Instant at) {
        BidFile.FileProperties p = file.properties() == null
                ? new BidFile.FileProperties(null, null, null, null, null) : file.properties();
        jdbc.sql("""
                update bid set price = ?, project_manager = ?, contact_person = ?, agent = ?, file_bidder_id = ?,
                    document_hash = ?, machine_code = ?, mac_address = ?, cpu_serial = ?, disk_serial = ?,
                    creator_id = ?, decrypted_at = ?, decryption_fault = null, decryption_note = null
                where id = ?""")
                .params(file.price(), file.projectManager(), file.contactPerson(), file.agent(), file.bidderId(), documentHash,
                        p.machineCode(), p.macAddress(), p.cpuSerial(), p.diskSerial(), p.creatorId(),
                        Timestamp.from(at), bidId)
                .update();
    }

    /** Why the file could not be decrypted, when it could not. */
    void fault(String bidId, DecryptionFault fault, String note) {
        jdbc.sql("update bid set decryption_fault = ?, decryption_note = ? where id = ?")
                .params(fault.name(), note, bidId).update();
    }

    /** The tenderer keeps the bond (TBR 35, 74): it is no longer due for refund. */
    void bondKept(String bidId, Instant at, String reason, String citation) {
        jdbc.sql("""
                update bid set bond_kept_at = ?, bond_kept_reason = ?, bond_kept_citation = ?, bond_refund_due = null
                where id = ? and bond_refunded_at is null""")
                .params(Timestamp.from(at), reason, citation, bidId).update();
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

    void status(String id, BidStatus status, String reason, String citation) {
        status(id, status, reason, citation, status == BidStatus.INVALID ? "OPENING" : null);
    }

    /** {@code stage}: where a bid was found invalid, at the opening or in the committee's review. */
    void status(String id, BidStatus status, String reason, String citation, String stage) {
        jdbc.sql("update bid set status = ?, invalid_reason = ?, invalid_citation = ?, invalid_stage = ? where id = ?")
                .params(status.name(), reason, citation, stage, id).update();
    }

    /** A new committee evaluates afresh: what the old one rejected or scored no longer stands. */
    void resetReview(String tenderId, int round) {
        jdbc.sql("""
                update bid set status = 'VALID', invalid_reason = null, invalid_citation = null, invalid_stage = null
                where tender_id = ? and round = ? and status = 'INVALID' and invalid_stage = 'REVIEW'""")
                .params(tenderId, round).update();
        jdbc.sql("""
                update bid set evaluated_price = null, price_score = null, technical_score = null, total_score = null,
                    candidate_rank = null where tender_id = ? and round = ?""")
                .params(tenderId, round).update();
    }

    void scores(String id, BigDecimal evaluatedPrice, BigDecimal priceScore, BigDecimal technicalScore,
            BigDecimal totalScore, Integer rank) {
        jdbc.sql("""
                update bid set evaluated_price = ?, price_score = ?, technical_score = ?, total_score = ?,
                    candidate_rank = ? where id = ?""")
                .params(evaluatedPrice, priceScore, technicalScore, totalScore, rank, id).update();
    }

    void refundDue(String id, Instant due) {
        jdbc.sql("update bid set bond_refund_due = ? where id = ? and bond_refunded_at is null")
                .params(Timestamp.from(due), id).update();
    }

    void lateFee(String id, java.math.BigDecimal fee, String citation) {
        jdbc.sql("update bid set late_fee = ?, late_fee_citation = ? where id = ?").params(fee, citation, id).update();
    }

    void refunded(String id, Instant at) {
        jdbc.sql("update bid set bond_refunded_at = ? where id = ?").params(Timestamp.from(at), id).update();
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
                rs.getString("late_fee_citation"));
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
