package io.huitong.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huitong.shared.web.ConflictException;
import io.huitong.tender.BondForm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A bid's transitions: each legal one from the states it names, every other refused as a conflict (409). */
class BidTest {

    static final Instant AT = Instant.parse("2026-12-21T02:00:00Z");
    static final BidFile FILE = new BidFile("91110108551385082Q", new BigDecimal("4800000.00"), "经理", null, "联系人",
            "代理", "技术", new BidFile.FileProperties("MC-1", null, null, null, null));

    /** A sealed bid holding a bond of 10,000 yuan. */
    static Bid sealed() {
        return Bid.submitted("b1", "t1", 1, new BidRequest("91110108551385082Q", " 投标人 ",
                new Bond(BondForm.CASH, new BigDecimal("10000"), "6222", null), SmeSize.SMALL, null, " 代表 ", null,
                "sealed", null), AT.minusSeconds(3600), "bidder", "d1", "hash");
    }

    static Bid decrypted() {
        return sealed().decrypt(FILE, "doc", AT);
    }

    static Bid valid() {
        return decrypted().admit();
    }

    static void refused(Supplier<Bid> transition) {
        assertThatThrownBy(transition::get).isInstanceOf(ConflictException.class)
                .hasMessageContaining("/");
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
            Bid bid = sealed().withdraw();
            assertThat(bid.status()).isEqualTo(BidStatus.WITHDRAWN);
            assertThat(bid.openedAtOpening()).isFalse();
        }

        @Test
        void a_bid_withdrawn_or_opened_is_not_withdrawn() {
            Bid withdrawn = sealed().withdraw();
            refused(withdrawn::withdraw);
            Bid valid = valid();
            refused(valid::withdraw);
            assertThat(valid.status()).isEqualTo(BidStatus.VALID);
        }
    }

    @Nested
    class Decryption {

        @Test
        void a_sealed_bid_is_decrypted_and_an_earlier_fault_forgotten() {
            Bid bid = sealed().recordDecryptionFault(DecryptionFault.PLATFORM, "停电").decrypt(FILE, "doc", AT);
            assertThat(bid.decryptedAt()).isEqualTo(AT);
            assertThat(bid.price()).isEqualByComparingTo("4800000.00");
            assertThat(bid.properties().machineCode()).isEqualTo("MC-1");
            assertThat(bid.decryptionFault()).isNull();
            assertThat(bid.status()).isEqualTo(BidStatus.SUBMITTED);
        }

        @Test
        void a_bid_is_decrypted_once_and_only_while_standing() {
            Bid bid = decrypted();
            refused(() -> bid.decrypt(FILE, "doc", AT.plusSeconds(1)));
            refused(() -> bid.recordDecryptionFault(DecryptionFault.BIDDER, "坏"));
            Bid withdrawn = sealed().withdraw();
            refused(() -> withdrawn.decrypt(FILE, "doc", AT));
            refused(() -> withdrawn.recordDecryptionFault(DecryptionFault.PLATFORM, "停电"));
        }
    }

    @Nested
    class Opening {

        @Test
        void a_decrypted_bid_is_admitted_or_invalidated_at_the_opening() {
            Bid admitted = decrypted().admit();
            assertThat(admitted.status()).isEqualTo(BidStatus.VALID);
            assertThat(admitted.openedAtOpening()).isTrue();
            Bid invalid = decrypted().invalidate("关联 / related", "TBR 34");
            assertThat(invalid.status()).isEqualTo(BidStatus.INVALID);
            assertThat(invalid.invalidCitation()).isEqualTo("TBR 34");
            assertThat(invalid.invalidStage()).isEqualTo("OPENING");
        }

        @Test
        void an_undecrypted_bid_is_neither_admitted_nor_invalidated_but_deemed_withdrawn_or_revoked() {
            Bid bid = sealed().recordDecryptionFault(DecryptionFault.BIDDER, "坏");
            refused(bid::admit);
            refused(() -> bid.invalidate("x", "y"));
            Bid revoked = bid.deemUndecrypted(BidStatus.REVOKED, "视为撤销", "EB20 31");
            assertThat(revoked.status()).isEqualTo(BidStatus.REVOKED);
            assertThat(revoked.openedAtOpening()).isTrue();
            assertThatThrownBy(() -> sealed().deemUndecrypted(BidStatus.VALID, "x", "y"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_decrypted_bid_is_not_deemed_undecrypted_and_nothing_is_opened_twice() {
            refused(() -> decrypted().deemUndecrypted(BidStatus.WITHDRAWN, "x", "EB20 31"));
            Bid valid = valid();
            refused(valid::admit);
            refused(() -> valid.invalidate("x", "y"));
            Bid revoked = sealed().deemUndecrypted(BidStatus.REVOKED, "视为撤销", "EB20 31");
            refused(() -> revoked.deemUndecrypted(BidStatus.WITHDRAWN, "x", "EB20 31"));
        }
    }

    @Nested
    class Review {

        @Test
        void a_valid_bid_is_scored_rejected_and_valid_again_when_the_committee_is_dismissed() {
            Bid scored = valid().score(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("20"), 1);
            assertThat(scored.candidateRank()).isEqualTo(1);
            Bid rejected = scored.reject("否决 / rejected", "TBL 51");
            assertThat(rejected.status()).isEqualTo(BidStatus.INVALID);
            Bid reopened = rejected.reopenReview();
            assertThat(reopened.status()).isEqualTo(BidStatus.VALID);
            assertThat(reopened.invalidReason()).isNull();
            assertThat(reopened.totalScore()).isNull();
            assertThat(reopened.candidateRank()).isNull();
        }

        @Test
        void only_a_valid_bid_is_rejected_or_scored() {
            Bid sealed = sealed();
            refused(() -> sealed.reject("x", "y"));
            refused(() -> sealed.score(null, null, null, BigDecimal.ONE, 1));
            Bid rejected = valid().reject("x", "y");
            refused(() -> rejected.reject("x", "y"));
            refused(() -> rejected.score(null, null, null, BigDecimal.ONE, 1));
        }

        @Test
        void a_new_committee_does_not_undo_what_the_opening_decided() {
            Bid bid = decrypted().invalidate("关联 / related", "TBR 34").reopenReview();
            assertThat(bid.status()).isEqualTo(BidStatus.INVALID);
            assertThat(bid.invalidCitation()).isEqualTo("TBR 34");
        }
    }

    @Nested
    class Bonds {

        @Test
        void a_bond_falls_due_is_refunded_and_a_late_refund_bears_its_fee() {
            Bid refunded = sealed().withdraw().bondFallsDue(AT).refundBond(AT.plusSeconds(86_400 * 3));
            assertThat(refunded.bondRefundDue()).isEqualTo(AT);
            assertThat(refunded.bondStillHeld()).isFalse();
            assertThat(refunded.chargeLateFee(new BigDecimal("1.23"), "O87 38").lateFee()).isEqualByComparingTo("1.23");
        }

        @Test
        void a_bond_is_refunded_once_and_a_kept_bond_never() {
            Bid refunded = sealed().refundBond(AT);
            refused(() -> refunded.refundBond(AT.plusSeconds(1)));
            refused(() -> refunded.bondFallsDue(AT));
            refused(() -> refunded.keepBond(AT, "x", "y"));

            Bid kept = sealed().bondFallsDue(AT).keepBond(AT, "视为撤销 / revoked", "TBR 35");
            assertThat(kept.bondRefundDue()).isNull();
            refused(() -> kept.refundBond(AT));
            refused(() -> kept.bondFallsDue(AT));
            refused(() -> kept.keepBond(AT, "x", "y"));
        }

        @Test
        void no_late_fee_before_the_refund_and_no_refund_without_a_bond() {
            refused(() -> sealed().chargeLateFee(BigDecimal.ONE, "O87 38"));
            Bid none = Bid.submitted("b2", "t1", 1, new BidRequest("91110108551385082Q", "投标人", null,
                    SmeSize.SMALL, List.of(), "代表", null, "sealed", null), AT, "bidder", "d2", "hash");
            refused(() -> none.refundBond(AT));
            refused(() -> none.bondFallsDue(AT));
        }
    }
}
