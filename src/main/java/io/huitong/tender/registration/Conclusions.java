package io.huitong.tender.registration;

import io.huitong.rules.RuleOutput;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.tender.BondForm;
import io.huitong.tender.Regime;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What registration rules conclude. Each conclusion is a fact a rule inserts, stamped with the rule that
 * inserted it ({@link RuleOutput}); later rules match on them and the registration decision is read off them.
 */
public final class Conclusions {

    private Conclusions() {
    }

    /** Which law governs the procedure (GPR 7: tendered government-procurement works follow the Tendering Law). */
    public record ApplicableLaw(Regime law, RuleOutput by) {
        public static ApplicableLaw of(RuleContext rule, Regime law) {
            return new ApplicableLaw(law, RuleOutput.of(rule));
        }
    }

    /** The project is in the scope of must-tender (MT16 Arts 2, 3). */
    public record MustTenderScope(RuleOutput by) {
        public static MustTenderScope of(RuleContext rule) {
            return new MustTenderScope(RuleOutput.of(rule));
        }
    }

    /** State-owned funds hold control or a dominant position (国有资金占控股或者主导地位, TBR 8). */
    public record StateControl(RuleOutput by) {
        public static StateControl of(RuleContext rule) {
            return new StateControl(RuleOutput.of(rule));
        }
    }

    /** The procurement must be tendered (MT16 Art 5; for GP goods and services: must be openly tendered). */
    public record MustTender(RuleOutput by) {
        public static MustTender of(RuleContext rule) {
            return new MustTender(RuleOutput.of(rule));
        }
    }

    /** Open tendering is the required method (TBR 8; GPL 26, 27). */
    public record OpenTenderRequired(RuleOutput by) {
        public static OpenTenderRequired of(RuleContext rule) {
            return new OpenTenderRequired(RuleOutput.of(rule));
        }
    }

    /** A step of the approval route: one candidate group. */
    public record ApprovalStep(String group, RuleOutput by) {
        public static ApprovalStep of(RuleContext rule, String group) {
            return new ApprovalStep(group, RuleOutput.of(rule));
        }

        public static ApprovalStep of(RuleContext rule, String group, String citation, String tag) {
            return new ApprovalStep(group, RuleOutput.of(rule).citing(citation, tag));
        }
    }

    /** The most the tender documents may cost. Several limits may apply; the lowest governs. */
    public record DocumentFeeLimit(BigDecimal max, RuleOutput by) {
        public static DocumentFeeLimit of(RuleContext rule, BigDecimal max) {
            return new DocumentFeeLimit(max, RuleOutput.of(rule));
        }

        public static DocumentFeeLimit of(RuleContext rule, BigDecimal max, String citation, String tag) {
            return new DocumentFeeLimit(max, RuleOutput.of(rule).citing(citation, tag));
        }
    }

    /** The most a bid bond may be. Several caps may apply; the lowest governs. */
    public record BidBondCap(BigDecimal max, RuleOutput by) {
        public static BidBondCap of(RuleContext rule, BigDecimal max) {
            return new BidBondCap(max, RuleOutput.of(rule));
        }

        public static BidBondCap of(RuleContext rule, BigDecimal max, String citation, String tag) {
            return new BidBondCap(max, RuleOutput.of(rule).citing(citation, tag));
        }
    }

    /** A form of bid bond the purchaser may not accept. */
    public record BidBondFormExcluded(BondForm form, RuleOutput by) {
        public static BidBondFormExcluded of(RuleContext rule, BondForm form) {
            return new BidBondFormExcluded(form, RuleOutput.of(rule));
        }
    }

    /** How much of the procurement is reserved for SMEs (SME46 Arts 8). */
    public record SmeReservation(SmeReservationMode mode, BigDecimal minShare, BigDecimal smallMicroMinShare,
            RuleOutput by) {
        public static SmeReservation of(RuleContext rule, SmeReservationMode mode, BigDecimal minShare,
                BigDecimal smallMicroMinShare) {
            return new SmeReservation(mode, minShare, smallMicroMinShare, RuleOutput.of(rule));
        }
    }

    public enum SmeReservationMode {
        /** 专门面向中小企业采购: the whole procurement. */
        EXCLUSIVE,
        /** 预留份额: a share of the budget. */
        PARTIAL
    }

    /** Where a period is counted from. */
    public enum Anchor {
        /** From the day documents are issued, forward: the earliest day something may happen. */
        AFTER_DOCUMENT_ISSUE,
        /** Back from the bid deadline: the latest day something may happen. */
        BEFORE_BID_DEADLINE
    }

    /**
     * A legal period: {@code length} units from an anchor. {@code enforced} periods are checked against the
     * request (the bid deadline must not come before the end of the bid-preparation period); the others are
     * reported so that clerks see the dates.
     */
    public record PeriodRequirement(String name, String labelZh, String labelEn, Anchor anchor, int length,
            PeriodUnit unit, boolean enforced, RuleOutput by) {
        public static PeriodRequirement of(RuleContext rule, String name, String labelZh, String labelEn,
                Anchor anchor, int length, PeriodUnit unit, boolean enforced) {
            return new PeriodRequirement(name, labelZh, labelEn, anchor, length, unit, enforced,
                    RuleOutput.of(rule));
        }

        /**
         * A period written cell by cell, as a row of the decision table {@code rules/registration/periods.csv}
         * gives it: labels, anchor, length, unit, and last whether it is enforced, which makes the period.
         */
        public static Draft draft(RuleContext rule, String name) {
            return new Draft(RuleOutput.of(rule), name);
        }

        /** A period being written by a table row; {@link #enforced} finishes it. */
        public static final class Draft {

            private final RuleOutput by;
            private final String name;
            private String labelZh;
            private String labelEn;
            private Anchor anchor;
            private Integer length;
            private PeriodUnit unit;

            private Draft(RuleOutput by, String name) {
                this.by = by;
                this.name = name;
            }

            public Draft zh(String label) {
                this.labelZh = label;
                return this;
            }

            public Draft en(String label) {
                this.labelEn = label;
                return this;
            }

            public Draft anchor(Anchor anchor) {
                this.anchor = anchor;
                return this;
            }

            public Draft length(int length) {
                this.length = length;
                return this;
            }

            public Draft unit(PeriodUnit unit) {
                this.unit = unit;
                return this;
            }

            /** The period; a row without labels, anchor, length or unit is a rule bug, refused here. */
            public PeriodRequirement enforced(boolean enforced) {
                if (labelZh == null || labelEn == null || anchor == null || length == null || unit == null) {
                    throw new IllegalStateException("rule '" + by.rule() + "' gives period '" + name
                            + "' without its labels, anchor, length or unit");
                }
                return new PeriodRequirement(name, labelZh, labelEn, anchor, length, unit, enforced, by);
            }
        }
    }
}
