package io.huitong.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huitong.shared.web.ConflictException;
import io.huitong.tender.BondForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A bid's transitions: each legal one from the states it names, every other refused as a conflict (409). */
class BidTest {

    static final Instant AT = Instant.parse("2026-12-21T02:00:00Z");
    static final BidFile FILE = new BidFile("91110108551385082Q", new BigDecimal("4800000.00"), "经理", "联系人",
            "代理", "技术", new BidFile.FileProperties("MC-1", null, null, null, null));

    /** A sealed bid holding a bond of 10,000 yuan. */
    static Bid sealed() {
        return Bid.submitted("b1", "t1", 1, new BidRequest("91110108551385082Q", " 投标人 ",
                new Bond(BondForm.CASH, new BigDecimal("10000"), "6222", null), SmeSize.SMALL, null,
                " 代表 ", null, "sealed"), AT.minusSeconds(3600), "bidder", "d1", "hash");
    }

    static Bid decrypted() {
        Bid bid = sealed();
        bid.decrypt(FILE, "doc", AT);
        return bid;
    }

    static Bid valid() {
        Bid bid = decrypted();
        bid.admit();
        return bid;
    }

    static void refused(Bid bid, Runnable transition) {
        BidStatus before = bid.status();
        assertThatThrownBy(transition::run).isInstanceOf(ConflictException.class);
        assertThat(bid.status()).isEqualTo(before);
    }

    @Test
    void a_bid_is_received_sealed() {
        Bid bid = sealed();
        assertThat(bid.status()).isEqualTo(BidStatus.SUBMITTED);
        assertThat(bid.decrypted()).isFalse();
        assertThat(bid.bidderName()).isEqualTo("投标人");
        assertThat(bid.consortiumMembers()).isEmpty();
        assertThat(bid.bondStillHeld()).isTrue();
    }

    @Nested
    class Withdrawal {

        @Test
        void a_sealed_bid_is_withdrawn() {
            Bid bid = sealed();
            bid.withdraw();
            assertThat(bid.status()).isEqualTo(BidStatus.WITHDRAWN);
            assertThat(bid.openedAtOpening()).isFalse();
        }

        @Test
        void a_bid_withdrawn_or_opened_is_not_withdrawn() {
            Bid withdrawn = sealed();
            withdrawn.withdraw();
            refused(withdrawn, withdrawn::withdraw);
            Bid valid = valid();
            refused(valid, valid::withdraw);
        }
    }

    @Nested
    class Decryption {

        @Test
        void a_sealed_bid_is_decrypted_and_an_earlier_fault_forgotten() {
            Bid bid = sealed();
            bid.recordDecryptionFault(DecryptionFault.PLATFORM, "停电");
            bid.decrypt(FILE, "doc", AT);
            assertThat(bid.decryptedAt()).isEqualTo(AT);
            assertThat(bid.price()).isEqualByComparingTo("4800000.00");
            assertThat(bid.properties().machineCode()).isEqualTo("MC-1");
            assertThat(bid.decryptionFault()).isNull();
            assertThat(bid.status()).isEqualTo(BidStatus.SUBMITTED);
        }

        @Test
        void a_bid_is_decrypted_once_and_only_while_standing() {
            Bid bid = decrypted();
            refused(bid, () -> bid.decrypt(FILE, "doc", AT.plusSeconds(1)));
            assertThat(bid.decryptedAt()).isEqualTo(AT);
            refused(bid, () -> bid.recordDecryptionFault(DecryptionFault.BIDDER, "坏"));
            assertThat(bid.decryptionFault()).isNull();
            Bid withdrawn = sealed();
            withdrawn.withdraw();
            refused(withdrawn, () -> withdrawn.decrypt(FILE, "doc", AT));
            assertThat(withdrawn.decrypted()).isFalse();
        }
    }

    @Nested
    class Opening {

        @Test
        void a_decrypted_bid_is_admitted_or_invalidated() {
            Bid admitted = decrypted();
            admitted.admit();
            assertThat(admitted.status()).isEqualTo(BidStatus.VALID);
            assertThat(admitted.openedAtOpening()).isTrue();
            Bid invalid = decrypted();
            invalid.invalidate("关联 / related", "TBL 33");
            assertThat(invalid.status()).isEqualTo(BidStatus.INVALID);
            assertThat(invalid.invalidCitation()).isEqualTo("TBL 33");
            assertThat(invalid.invalidStage()).isEqualTo("OPENING");
        }

        @Test
        void an_undecrypted_bid_is_neither_admitted_nor_invalidated_but_deemed_withdrawn_or_revoked() {
            Bid bid = sealed();
            refused(bid, bid::admit);
            refused(bid, () -> bid.invalidate("x", "y"));
            bid.recordDecryptionFault(DecryptionFault.BIDDER, "坏");
            bid.deemUndecrypted(BidStatus.REVOKED, "视为撤销", "EB20 31");
            assertThat(bid.status()).isEqualTo(BidStatus.REVOKED);
            assertThat(bid.openedAtOpening()).isTrue();
            assertThatThrownBy(() -> sealed().deemUndecrypted(BidStatus.VALID, "x", "y"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_decrypted_or_settled_bid_is_not_deemed_undecrypted_and_nothing_is_opened_twice() {
            Bid decrypted = decrypted();
            refused(decrypted, () -> decrypted.deemUndecrypted(BidStatus.WITHDRAWN, "x", "EB20 31"));
            Bid valid = valid();
            refused(valid, valid::admit);
            refused(valid, () -> valid.invalidate("x", "y"));
        }
    }

    @Nested
    class Review {

        @Test
        void a_valid_bid_is_scored_rejected_and_reinstated_when_the_committee_is_dismissed() {
            Bid bid = valid();
            bid.score(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("20"), 1);
            assertThat(bid.candidateRank()).isEqualTo(1);
            bid.reject("否决 / rejected", "TBL 51");
            assertThat(bid.status()).isEqualTo(BidStatus.INVALID);
            bid.reopenReview();
            assertThat(bid.status()).isEqualTo(BidStatus.VALID);
            assertThat(bid.invalidReason()).isNull();
            assertThat(bid.totalScore()).isNull();
            assertThat(bid.candidateRank()).isNull();
        }

        @Test
        void only_a_valid_bid_is_rejected_or_scored() {
            Bid sealed = sealed();
            refused(sealed, () -> sealed.reject("x", "y"));
            refused(sealed, () -> sealed.score(null, null, null, BigDecimal.ONE, 1));
            Bid rejected = valid();
            rejected.reject("x", "y");
            refused(rejected, () -> rejected.reject("x", "y"));
        }

        @Test
        void a_new_committee_does_not_undo_what_the_opening_decided() {
            Bid bid = decrypted();
            bid.invalidate("关联 / related", "TBL 33");
            bid.reopenReview();
            assertThat(bid.status()).isEqualTo(BidStatus.INVALID);
            assertThat(bid.invalidCitation()).isEqualTo("TBL 33");
        }
    }

    @Nested
    class Bonds {

        @Test
        void a_bond_falls_due_is_refunded_and_a_late_refund_bears_its_fee() {
            Bid bid = sealed();
            bid.withdraw();
            bid.bondFallsDue(AT);
            bid.refundBond(AT.plusSeconds(86_400 * 3));
            assertThat(bid.bondStillHeld()).isFalse();
            bid.chargeLateFee(new BigDecimal("1.23"), "O87 38");
            assertThat(bid.lateFee()).isEqualByComparingTo("1.23");
        }

        @Test
        void a_bond_is_refunded_once_and_a_kept_bond_never() {
            Bid refunded = sealed();
            refunded.refundBond(AT);
            refused(refunded, () -> refunded.refundBond(AT.plusSeconds(1)));
            assertThat(refunded.bondRefundedAt()).isEqualTo(AT);
            refused(refunded, () -> refunded.bondFallsDue(AT));
            refused(refunded, () -> refunded.keepBond(AT, "x", "y"));

            Bid kept = sealed();
            kept.bondFallsDue(AT);
            kept.keepBond(AT, "视为撤销 / revoked", "TBR 35");
            assertThat(kept.bondRefundDue()).isNull();
            refused(kept, () -> kept.refundBond(AT));
            refused(kept, () -> kept.bondFallsDue(AT));
            assertThat(kept.bondRefundedAt()).isNull();
        }

        @Test
        void no_late_fee_before_the_refund_and_no_refund_without_a_bond() {
            Bid bid = sealed();
            refused(bid, () -> bid.chargeLateFee(BigDecimal.ONE, "O87 38"));
            assertThat(bid.lateFee()).isNull();
            Bid none = Bid.submitted("b2", "t1", 1, new BidRequest("91110108551385082Q", "投标人", null,
                    SmeSize.SMALL, List.of(), "代表", null, "sealed"), AT, "bidder", "d2", "hash");
            refused(none, () -> none.refundBond(AT));
        }
    }
}
