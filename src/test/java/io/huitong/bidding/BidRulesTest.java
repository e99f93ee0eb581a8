package io.huitong.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.credit.CreditRecord;
import io.huitong.credit.PartyRelation;
import io.huitong.guarantee.GuaranteeOnRecord;
import io.huitong.rules.FiredRule;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetCompiler;
import io.huitong.rules.RuleSetSources;
import io.huitong.rules.RuleSource;
import io.huitong.shared.party.CreditCodes;
import io.huitong.shared.time.LegalClock;
import io.huitong.support.RuleSets;
import io.huitong.tender.BondForm;
import io.huitong.tender.Regime;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code rules/bidding/}: facts in, refusals or invalidations out, at their boundaries. The last
 * check makes sure every bidding rule fired in at least one test.
 */
class BidRulesTest {

    private static final Set<String> FIRED = new HashSet<>();
    static final String BIDDER = CreditCodes.withCheck("91410100MA0000001");
    static final String MEMBER = CreditCodes.withCheck("91410100MA0000002");
    static final String OTHER = CreditCodes.withCheck("91410100MA0000003");
    static final Instant DEADLINE = Instant.parse("2026-12-21T01:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    /** A platform with an operator, for EB20 23: the project's rules and one more policy file. */
    private static RuleSet withOperator;

    static synchronized RuleSet withOperator() {
        if (withOperator == null) {
            List<RuleSource> files = new ArrayList<>(RuleSetSources.fromFolder(Path.of("rules")).files());
            files.removeIf(f -> f.path().equals("policy/platform.yaml"));
            files.add(new RuleSource("policy/platform.yaml",
                    "platformOperators:\n  - { partyId: \"" + OTHER + "\", name: 平台运营公司, note: test }\n"));
            withOperator = new RuleSetCompiler(new LegalClock()).compile(RuleSetSources.of("test", files));
        }
        return withOperator;
    }

    static BidFacts bid(Regime law, String status, Bond bond, Instant at, String agency, String... members) {
        List<String> parties = new ArrayList<>(List.of(BIDDER));
        parties.addAll(List.of(members));
        return new BidFacts(law, law, true, status, BIDDER, parties, bond, at, DEADLINE,
                TODAY, agency, null, false);
    }

    static BidFacts bid(Bond bond) {
        return bid(Regime.TENDERING_LAW, "BIDDING", bond, DEADLINE.minusSeconds(3600), null);
    }

    static Bond bond(BondForm form, String amount) {
        return new Bond(form, new BigDecimal(amount), "4101-1", "G-1");
    }

    static BondRequirement required(String amount, BondForm... forms) {
        return new BondRequirement(true, new BigDecimal(amount),
                forms.length == 0 ? EnumSet.allOf(BondForm.class) : EnumSet.of(forms[0], forms));
    }

    static final BondRequirement NONE = new BondRequirement(false, null, EnumSet.noneOf(BondForm.class));

    static List<String> refusals(RuleSet ruleSet, Object... facts) {
        RuleSet.Evaluation evaluation = ruleSet.evaluate(List.of(facts));
        evaluation.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
        return evaluation.all(Refusal.class).stream().map(r -> r.by().citation()).toList();
    }

    static List<String> refusals(Object... facts) {
        return refusals(RuleSets.current(), facts);
    }

    static CreditRecord record(String party, CreditRecord.Kind kind, LocalDate start, LocalDate end, boolean revoked) {
        return record(party, kind, CreditRecord.Scope.ALL, start, end, revoked);
    }

    static CreditRecord record(String party, CreditRecord.Kind kind, CreditRecord.Scope scope, LocalDate start,
            LocalDate end, boolean revoked) {
        String citation = kind != CreditRecord.Kind.DEBARMENT ? "GPR 19"
                : scope == CreditRecord.Scope.GOVERNMENT_PROCUREMENT ? "GPL 77" : "TBR 67";
        return new CreditRecord("r", party, "某公司", kind, scope, "test", start, end, citation,
                "supervisor", Instant.EPOCH, revoked ? Instant.EPOCH : null, null, null);
    }

    @AfterAll
    static void everyBiddingRuleIsExercised() {
        assertThat(io.huitong.support.RuleCoverage.unfired(FIRED, "io.huitong.rules.bidding"))
                .as("bidding rules that no test made fire").isEmpty();
    }

    @Nested
    class Time_and_state {

        @Test
        void a_bid_a_second_before_the_deadline_is_received() {
            assertThat(refusals(bid(Regime.TENDERING_LAW, "BIDDING", null, DEADLINE.minusSeconds(1), null), NONE))
                    .isEmpty();
        }

        @Test
        void a_bid_at_the_deadline_is_not() {
            assertThat(refusals(bid(Regime.TENDERING_LAW, "BIDDING", null, DEADLINE, null), NONE))
                    .containsExactly("EB20 26; TBL 28");
        }

        @Test
        void nor_one_after_bidding_closed_early() {
            assertThat(refusals(bid(Regime.TENDERING_LAW, "CLOSED", null, DEADLINE.minusSeconds(60), null), NONE))
                    .containsExactly("EB20 26; TBL 28");
        }

        @Test
        void nor_one_before_the_announcement_or_while_suspended() {
            assertThat(refusals(bid(Regime.TENDERING_LAW, "APPROVED", null, DEADLINE.minusSeconds(60), null), NONE))
                    .containsExactly("EB20 26; TBL 16");
            assertThat(refusals(bid(Regime.TENDERING_LAW, "SUSPENDED", null, DEADLINE.minusSeconds(60), null), NONE))
                    .containsExactly("TBR 22");
        }
    }

    @Nested
    class Bonds {

        @Test
        void a_required_bond_must_be_given() {
            assertThat(refusals(bid(null), required("1000.00"))).containsExactly("TBR 26");
            assertThat(refusals(bid(Regime.GOVERNMENT_PROCUREMENT, "BIDDING", null, DEADLINE.minusSeconds(60), null),
                    required("1000.00"))).containsExactly("GPR 33; O87 63(一)");
        }

        @Test
        void of_at_least_the_amount_asked() {
            assertThat(refusals(bid(bond(BondForm.E_GUARANTEE, "1000.00")), required("1000.00"))).isEmpty();
            assertThat(refusals(bid(bond(BondForm.E_GUARANTEE, "999.99")), required("1000.00")))
                    .containsExactly("TBR 26; O87 63(一)");
        }

        @Test
        void in_a_form_the_tender_allows() {
            assertThat(refusals(bid(bond(BondForm.CASH, "1000.00")), required("1000.00", BondForm.E_GUARANTEE)))
                    .containsExactly("GPR 33; CK38 §3; TBR 26");
        }

        @Test
        void none_where_none_is_asked() {
            assertThat(refusals(bid(bond(BondForm.E_GUARANTEE, "1000.00")), NONE)).containsExactly("CK38 §3");
        }

        @Test
        void cash_comes_from_the_basic_account() {
            Bond cash = new Bond(BondForm.CASH, new BigDecimal("1000.00"), null, null);
            assertThat(refusals(bid(cash), required("1000.00"))).containsExactly("TBR 26");
        }

        @Test
        void a_guarantee_names_its_number() {
            Bond guarantee = new Bond(BondForm.BANK_GUARANTEE, new BigDecimal("1000.00"), null, " ");
            assertThat(refusals(bid(guarantee), required("1000.00"))).containsExactly("docs/rules.md C17");
        }
    }

    @Nested
    class Eligibility {

        @Test
        void a_debarment_bars_from_its_first_to_its_last_day() {
            BidFacts facts = bid(null);
            assertThat(refusals(facts, NONE, record(BIDDER, CreditRecord.Kind.DEBARMENT, TODAY, TODAY.plusYears(1),
                    false))).containsExactly("TBR 67");
            assertThat(refusals(facts, NONE, record(BIDDER, CreditRecord.Kind.DEBARMENT, TODAY.minusYears(1), TODAY,
                    false))).containsExactly("TBR 67");
            assertThat(refusals(facts, NONE, record(BIDDER, CreditRecord.Kind.DEBARMENT, TODAY.minusYears(1),
                    TODAY.minusDays(1), false))).isEmpty();
            assertThat(refusals(facts, NONE, record(BIDDER, CreditRecord.Kind.DEBARMENT, TODAY.plusDays(1), null,
                    false))).isEmpty();
            assertThat(refusals(facts, NONE, record(BIDDER, CreditRecord.Kind.DEBARMENT, TODAY.minusDays(1), null,
                    true))).as("revoked").isEmpty();
        }

        @Test
        void a_debarred_consortium_member_bars_the_consortium() {
            BidFacts facts = bid(Regime.TENDERING_LAW, "BIDDING", null, DEADLINE.minusSeconds(60), null, MEMBER);
            RuleSet.Evaluation e = RuleSets.current().evaluate(List.of(facts, NONE,
                    record(MEMBER, CreditRecord.Kind.DEBARMENT, TODAY, null, false)));
            assertThat(e.all(Refusal.class)).singleElement()
                    .satisfies(r -> assertThat(r.field()).isEqualTo("consortiumMembers"));
        }

        @Test
        void government_procurement_looks_back_three_years_for_major_illegal_records() {
            BidFacts gp = bid(Regime.GOVERNMENT_PROCUREMENT, "BIDDING", null, DEADLINE.minusSeconds(60), null);
            assertThat(refusals(gp, NONE, record(BIDDER, CreditRecord.Kind.LARGE_FINE, TODAY.minusYears(3), null,
                    false))).containsExactly("GPL 22(五); GPR 19");
            assertThat(refusals(gp, NONE, record(BIDDER, CreditRecord.Kind.LARGE_FINE, TODAY.minusYears(3)
                    .minusDays(1), null, false))).isEmpty();
            assertThat(refusals(bid(null), NONE, record(BIDDER, CreditRecord.Kind.LARGE_FINE, TODAY.minusYears(1),
                    null, false))).as("the Tendering Law has no such look-back").isEmpty();
            assertThat(refusals(gp, NONE, record(BIDDER, CreditRecord.Kind.DEBARMENT, TODAY.minusYears(2),
                    TODAY.minusYears(1), false))).as("a finished debarment restores eligibility (D6)").isEmpty();
        }

        @Test
        void a_debarment_bars_only_the_procedures_its_law_governs() {
            BidFacts tendering = bid(null);
            BidFacts gp = bid(Regime.GOVERNMENT_PROCUREMENT, "BIDDING", null, DEADLINE.minusSeconds(60), null);
            CreditRecord tlOnly = record(BIDDER, CreditRecord.Kind.DEBARMENT, CreditRecord.Scope.TENDERING_LAW,
                    TODAY, null, false);
            CreditRecord gpOnly = record(BIDDER, CreditRecord.Kind.DEBARMENT, CreditRecord.Scope.GOVERNMENT_PROCUREMENT,
                    TODAY, null, false);
            assertThat(refusals(tendering, NONE, tlOnly)).containsExactly("TBR 67");
            assertThat(refusals(gp, NONE, tlOnly)).as("a Tendering-Law debarment does not bar procurement").isEmpty();
            assertThat(refusals(gp, NONE, gpOnly)).containsExactly("GPL 77");
            assertThat(refusals(tendering, NONE, gpOnly)).as("a procurement black-listing does not bar tenders")
                    .isEmpty();
        }

        @Test
        void a_package_reserved_for_smes_refuses_large_firms() {
            BidFacts large = new BidFacts(Regime.GOVERNMENT_PROCUREMENT, Regime.GOVERNMENT_PROCUREMENT, false,
                    "BIDDING", BIDDER, List.of(BIDDER), null, DEADLINE.minusSeconds(60),
                    DEADLINE, TODAY, null, SmeSize.LARGE, true);
            assertThat(refusals(large, NONE)).containsExactly("SME46 8, 11");
            assertThat(refusals(new BidFacts(large.law(), large.regime(), false, "BIDDING", BIDDER, List.of(BIDDER),
                    null, large.submittedAt(), DEADLINE, TODAY, null, SmeSize.MEDIUM, true), NONE))
                    .as("a medium firm is an SME").isEmpty();
            assertThat(refusals(new BidFacts(large.law(), large.regime(), false, "BIDDING", BIDDER, List.of(BIDDER),
                    null, large.submittedAt(), DEADLINE, TODAY, null, SmeSize.LARGE, false), NONE))
                    .as("an open package takes large firms").isEmpty();
        }

        @Test
        void the_agency_may_not_bid_on_its_own_project() {
            assertThat(refusals(bid(Regime.TENDERING_LAW, "BIDDING", null, DEADLINE.minusSeconds(60), BIDDER), NONE))
                    .containsExactly("TBR 13; O87 8");
            assertThat(refusals(bid(Regime.TENDERING_LAW, "BIDDING", null, DEADLINE.minusSeconds(60), OTHER), NONE))
                    .isEmpty();
        }

        @Test
        void the_platform_operator_may_not_bid_on_the_platform() {
            BidFacts facts = bid(Regime.TENDERING_LAW, "BIDDING", null, DEADLINE.minusSeconds(60), null, OTHER);
            assertThat(refusals(withOperator(), facts, NONE)).containsExactly("EB20 23");
            assertThat(refusals(withOperator(), bid(null), NONE)).isEmpty();
        }
    }

    @Nested
    class At_the_opening {

        /** A bid at opening whose named members all confirmed it (the joint bidding agreement is complete). */
        static OpenedBid opened(Regime law, String id, String bidder, String rep, String... members) {
            return opened(law, id, bidder, rep, null, List.of(members), List.of(members));
        }

        static OpenedBid opened(Regime law, String id, String bidder, String rep, String repIdNo, List<String> named,
                List<String> confirmed) {
            List<String> parties = new ArrayList<>(List.of(bidder));
            parties.addAll(confirmed);
            return new OpenedBid(law, id, bidder, "投标人" + id, parties, named, confirmed, rep, repIdNo);
        }

        static OpenedBid withId(Regime law, String id, String bidder, String rep, String repIdNo) {
            return opened(law, id, bidder, rep, repIdNo, List.of(), List.of());
        }

        static Set<String> invalidated(List<Object> facts) {
            RuleSet.Evaluation e = RuleSets.current().evaluate(facts);
            e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
            Set<String> ids = new HashSet<>();
            e.all(BidInvalidated.class).forEach(i -> ids.add(i.bidId() + " " + i.by().citation()));
            return ids;
        }

        static Set<String> flagged(List<Object> facts) {
            RuleSet.Evaluation e = RuleSets.current().evaluate(facts);
            e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
            Set<String> out = new HashSet<>();
            e.all(CollusionFinding.class).forEach(f -> out.add(f.kind() + " " + f.citation() + " "
                    + String.join("+", f.bidIds().stream().sorted().toList())));
            return out;
        }

        static final String ID_A = "410102198001010011";
        static final String ID_B = "410102199001010022";

        @Test
        void bidders_whose_representatives_give_one_id_number_are_both_invalid() {
            assertThat(invalidated(List.of(withId(Regime.TENDERING_LAW, "a", BIDDER, "张三", ID_A),
                    withId(Regime.TENDERING_LAW, "b", MEMBER, "张叁", ID_A),
                    withId(Regime.TENDERING_LAW, "c", OTHER, "李四", ID_B))))
                    .as("one number is one person, whatever the names").containsExactlyInAnyOrder("a TBR 34", "b TBR 34");
            assertThat(invalidated(List.of(withId(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "张三", ID_A),
                    withId(Regime.GOVERNMENT_PROCUREMENT, "b", MEMBER, "张三", ID_A))))
                    .containsExactlyInAnyOrder("a GPR 18", "b GPR 18");
        }

        @Test
        void an_id_number_decides_whether_two_representatives_are_one_person() {
            OpenedBid a = withId(Regime.TENDERING_LAW, "a", BIDDER, "张三", ID_A);
            OpenedBid sameNameOtherPerson = withId(Regime.TENDERING_LAW, "b", MEMBER, "张三", ID_B);
            OpenedBid samePersonWrittenOtherwise = withId(Regime.TENDERING_LAW, "c", OTHER, "张 三",
                    " 410102 198001010011 ");
            assertThat(invalidated(List.of(a, sameNameOtherPerson))).as("namesakes are two people").isEmpty();
            assertThat(flagged(List.of(a, sameNameOtherPerson))).as("and no question for the committee").isEmpty();
            assertThat(invalidated(List.of(a, samePersonWrittenOtherwise)))
                    .containsExactlyInAnyOrder("a TBR 34", "c TBR 34");
            assertThat(invalidated(List.of(a, withId(Regime.TENDERING_LAW, "d", OTHER, "张三", "41010219800101001x"),
                    withId(Regime.TENDERING_LAW, "e", MEMBER, "李四", "41010219800101001X "))))
                    .as("an X check digit in either case").containsExactlyInAnyOrder("d TBR 34", "e TBR 34");
        }

        @Test
        void a_name_without_an_id_number_invalidates_nobody_and_is_flagged_for_the_committee() {
            assertThat(invalidated(List.of(opened(Regime.TENDERING_LAW, "a", BIDDER, "张三"),
                    opened(Regime.TENDERING_LAW, "b", MEMBER, "张三"), opened(Regime.TENDERING_LAW, "c", OTHER, "李四"))))
                    .as("neither gives a number").isEmpty();
            assertThat(flagged(List.of(opened(Regime.TENDERING_LAW, "a", BIDDER, "张三"),
                    opened(Regime.TENDERING_LAW, "b", MEMBER, "张 三"), opened(Regime.TENDERING_LAW, "c", OTHER, "李四"))))
                    .containsExactly("JUDGMENT TBR 34 a+b");
            assertThat(flagged(List.of(withId(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "张三", ID_A),
                    opened(Regime.GOVERNMENT_PROCUREMENT, "b", MEMBER, "张三"))))
                    .as("one number against none cannot tell either").containsExactly("JUDGMENT GPR 18 a+b");
            assertThat(invalidated(List.of(withId(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "张三", ID_A),
                    opened(Regime.GOVERNMENT_PROCUREMENT, "b", MEMBER, "张三")))).isEmpty();
            assertThat(flagged(List.of(opened(Regime.TENDERING_LAW, "a", BIDDER, "张三"),
                    opened(Regime.TENDERING_LAW, "b", MEMBER, "张四")))).as("different names").isEmpty();
        }

        @Test
        void bidders_in_a_control_relation_are_both_invalid() {
            PartyRelation control = new PartyRelation("r", BIDDER, MEMBER, PartyRelation.Kind.CONTROL, null, "s",
                    Instant.EPOCH);
            assertThat(invalidated(List.of(control, opened(Regime.TENDERING_LAW, "a", BIDDER, "张三"),
                    opened(Regime.TENDERING_LAW, "b", MEMBER, "李四"))))
                    .containsExactlyInAnyOrder("a TBR 34", "b TBR 34");
            assertThat(invalidated(List.of(control, opened(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "张三"),
                    opened(Regime.GOVERNMENT_PROCUREMENT, "b", MEMBER, "李四"))))
                    .containsExactlyInAnyOrder("a GPR 18", "b GPR 18");
        }

        @Test
        void a_consortium_member_that_bids_again_invalidates_both_bids() {
            assertThat(invalidated(List.of(opened(Regime.TENDERING_LAW, "a", BIDDER, "张三", MEMBER),
                    opened(Regime.TENDERING_LAW, "b", MEMBER, "李四"), opened(Regime.TENDERING_LAW, "c", OTHER, "王五"))))
                    .containsExactlyInAnyOrder("a TBR 37; GPR 22", "b TBR 37; GPR 22");
        }

        @Test
        void a_member_named_without_confirming_is_no_party_and_the_consortium_bid_is_invalid() {
            // bid a names MEMBER, which never confirmed, and bids alone as b
            List<Object> facts = List.of(opened(Regime.TENDERING_LAW, "a", BIDDER, "张三", null, List.of(MEMBER),
                    List.of()), opened(Regime.TENDERING_LAW, "b", MEMBER, "李四"),
                    opened(Regime.TENDERING_LAW, "c", OTHER, "王五"));
            assertThat(invalidated(facts)).containsExactly("a TBL 31; TBR 51(二)");
            assertThat(invalidated(List.of(opened(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "张三", null,
                    List.of(MEMBER, OTHER), List.of(OTHER)), opened(Regime.GOVERNMENT_PROCUREMENT, "b", MEMBER, "李四"))))
                    .as("one member missing is enough").containsExactly("a GPL 24");
            // a relation of the unconfirmed member's touches nobody either
            PartyRelation control = new PartyRelation("r", MEMBER, OTHER, PartyRelation.Kind.CONTROL, null, "s",
                    Instant.EPOCH);
            assertThat(invalidated(List.of(control, opened(Regime.TENDERING_LAW, "a", BIDDER, "张三", null,
                    List.of(MEMBER), List.of()), opened(Regime.TENDERING_LAW, "c", OTHER, "王五"))))
                    .containsExactly("a TBL 31; TBR 51(二)");
        }

        @Test
        void a_consortium_every_member_confirmed_stands() {
            assertThat(invalidated(List.of(opened(Regime.TENDERING_LAW, "a", BIDDER, "张三", MEMBER),
                    opened(Regime.TENDERING_LAW, "c", OTHER, "王五")))).isEmpty();
            assertThat(invalidated(List.of(opened(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "张三", MEMBER, OTHER))))
                    .isEmpty();
        }

        @Test
        void unrelated_bidders_stand() {
            assertThat(invalidated(List.of(opened(Regime.TENDERING_LAW, "a", BIDDER, "张三"),
                    opened(Regime.TENDERING_LAW, "b", MEMBER, "李四")))).isEmpty();
        }
    }

    @Nested
    class After_the_decryption_window {

        static Set<String> outcomes(UndecryptedBid... bids) {
            RuleSet.Evaluation e = RuleSets.current().evaluate(List.of((Object[]) bids));
            e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
            Set<String> out = new HashSet<>();
            e.all(DecryptionOutcome.class).forEach(o -> out.add(o.bidId() + " " + o.status() + " " + o.by().citation()));
            e.all(BondKept.class).forEach(k -> out.add(k.bidId() + " bond kept " + k.by().citation()));
            return out;
        }

        @Test
        void a_bid_not_decrypted_through_the_bidder_is_revoked_and_its_bond_may_be_kept_under_the_tendering_law() {
            assertThat(outcomes(new UndecryptedBid(Regime.TENDERING_LAW, "a", "投标人a", true, DecryptionFault.BIDDER,
                    "口令错误"))).containsExactlyInAnyOrder("a REVOKED EB20 31", "a bond kept TBR 35");
            assertThat(outcomes(new UndecryptedBid(Regime.TENDERING_LAW, "a", "投标人a", true, null, null)))
                    .as("nothing on record is the bidder's").containsExactlyInAnyOrder("a REVOKED EB20 31",
                            "a bond kept TBR 35");
            assertThat(outcomes(new UndecryptedBid(Regime.TENDERING_LAW, "a", "投标人a", false, null, null)))
                    .as("no bond, nothing to keep").containsExactly("a REVOKED EB20 31");
            assertThat(outcomes(new UndecryptedBid(Regime.GOVERNMENT_PROCUREMENT, "a", "投标人a", true, null, null)))
                    .as("TBR 35 is the Tendering Law's").containsExactly("a REVOKED EB20 31");
        }

        @Test
        void a_bid_not_decrypted_through_the_platform_is_withdrawn_and_keeps_its_bond() {
            assertThat(outcomes(new UndecryptedBid(Regime.TENDERING_LAW, "b", "投标人b", true, DecryptionFault.PLATFORM,
                    "存储副本与回执不符"))).containsExactly("b WITHDRAWN EB20 31");
        }
    }

    @Nested
    class Collusion {

        /** A decrypted bid of the bidder with nothing in common with any other, but the one property given. */
        static DecryptedBid with(Regime law, String id, String bidder, String price, String property, String value) {
            String[] p = new String[9];
            int at = property == null ? -1 : List.of("agent", "projectManager", "contactPerson", "documentHash", "machineCode", "macAddress",
                    "cpuSerial", "diskSerial", "creatorId").indexOf(property);
            if (at >= 0) {
                p[at] = value;
            }
            Bid bid = new Bid(id, "t", 1, bidder, "投标人" + id, price == null ? null : new BigDecimal(price), null, null,
                    "bondPayerAccount".equals(property) ? value : null, null, SmeSize.LARGE, List.of(), "代表" + id,
                    null, p[1], p[2], DEADLINE, "bidder", BidStatus.VALID, null, null, null, null, null, null, null,
                    null, null, null, null, DEADLINE, null, null, "fileBidderId".equals(property) ? value : bidder,
                    p[3], new BidFile.FileProperties(p[4], p[5], p[6], p[7], p[8]), null, null, null, p[0], null, null);
            return DecryptedBid.of(law, bid);
        }

        static DecryptedBid with(String id, String bidder, String property, String value) {
            return with(Regime.TENDERING_LAW, id, bidder, "100" + id.hashCode() % 7 + ".13", property, value);
        }

        static Set<String> flags(DecryptedBid... bids) {
            RuleSet.Evaluation e = RuleSets.current().evaluate(List.of((Object[]) bids));
            e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
            Set<String> out = new HashSet<>();
            e.all(CollusionFinding.class).forEach(f -> out.add(f.kind() + " " + f.citation() + " "
                    + String.join("+", f.bidIds().stream().sorted().toList())));
            return out;
        }

        @Test
        void the_same_hidden_fingerprint_in_two_files_is_deemed_collusion_however_it_is_written() {
            assertThat(flags(with("a", BIDDER, "machineCode", "MC-77"), with("b", MEMBER, "machineCode", "mc 77"),
                    with("c", OTHER, "machineCode", "MC-78"))).containsExactly("DEEMED TBR 40(一) a+b");
            assertThat(flags(with("a", BIDDER, "macAddress", "02:00:5e:10:00:01"),
                    with("b", MEMBER, "macAddress", "02-00-5E-10-00-01"))).containsExactly("DEEMED TBR 40(一) a+b");
            assertThat(flags(with("a", BIDDER, "cpuSerial", "BFEBFBFF000906EA"),
                    with("b", MEMBER, "cpuSerial", "BFEBFBFF000906EA"))).containsExactly("DEEMED TBR 40(一) a+b");
            assertThat(flags(with("a", BIDDER, "diskSerial", "WD-1"), with("b", MEMBER, "diskSerial", "WD-1")))
                    .containsExactly("DEEMED TBR 40(一) a+b");
            assertThat(flags(with(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "10.00", "diskSerial", "WD-1"),
                    with(Regime.GOVERNMENT_PROCUREMENT, "b", MEMBER, "20.13", "diskSerial", "WD-1")))
                    .as("under government procurement the article is O87 37").containsExactly("DEEMED O87 37(一) a+b");
            assertThat(flags(with("a", BIDDER, "diskSerial", "WD-1"), with("b", MEMBER, "diskSerial", "WD-2"),
                    with("c", OTHER, "diskSerial", " "))).as("different or blank: nothing").isEmpty();
        }

        @Test
        void the_same_file_creator_id_alone_is_for_the_committees_judgment() {
            assertThat(flags(with("a", BIDDER, "creatorId", "C-1"), with("b", MEMBER, "creatorId", "C-1")))
                    .containsExactly("JUDGMENT TBR 40(一) a+b");
        }

        @Test
        void the_same_agent_project_manager_or_under_government_procurement_contact_person() {
            assertThat(flags(with("a", BIDDER, "agent", "王五 410102198001010011"),
                    with("b", MEMBER, "agent", "王五410102198001010011"))).containsExactly("DEEMED TBR 40(二) a+b");
            assertThat(flags(with("a", BIDDER, "projectManager", "赵六"), with("b", MEMBER, "projectManager", "赵 六")))
                    .containsExactly("DEEMED TBR 40(三) a+b");
            assertThat(flags(with("a", BIDDER, "contactPerson", "钱七"), with("b", MEMBER, "contactPerson", "钱七")))
                    .as("the Tendering Law names project managers only").isEmpty();
            assertThat(flags(with(Regime.GOVERNMENT_PROCUREMENT, "a", BIDDER, "10.00", "contactPerson", "钱七"),
                    with(Regime.GOVERNMENT_PROCUREMENT, "b", MEMBER, "20.13", "contactPerson", "钱七")))
                    .containsExactly("DEEMED O87 37(三) a+b");
        }

        @Test
        void identical_documents_and_prices_in_an_arithmetic_sequence_are_deemed_collusion() {
            assertThat(flags(with("a", BIDDER, "documentHash", "h1"), with("b", MEMBER, "documentHash", "h1")))
                    .containsExactly("DEEMED TBR 40(四) a+b");
            assertThat(flags(with(Regime.TENDERING_LAW, "a", BIDDER, "4700000.00", null, null),
                    with(Regime.TENDERING_LAW, "b", MEMBER, "4750000.00", null, null),
                    with(Regime.TENDERING_LAW, "c", OTHER, "4800000.00", null, null)))
                    .containsExactly("DEEMED TBR 40(四) a+b+c");
            assertThat(flags(with(Regime.TENDERING_LAW, "a", BIDDER, "4700000.00", null, null),
                    with(Regime.TENDERING_LAW, "b", MEMBER, "4750000.00", null, null),
                    with(Regime.TENDERING_LAW, "c", OTHER, "4800000.01", null, null)))
                    .as("one cent off the step is no sequence").isEmpty();
            assertThat(flags(with(Regime.TENDERING_LAW, "a", BIDDER, "4700000.00", null, null),
                    with(Regime.TENDERING_LAW, "b", MEMBER, "4750000.00", null, null)))
                    .as("two prices make no pattern").isEmpty();
            assertThat(flags(with(Regime.TENDERING_LAW, "a", BIDDER, "4700000.00", null, null),
                    with(Regime.TENDERING_LAW, "b", MEMBER, "4750000.00", null, null),
                    with(Regime.TENDERING_LAW, "x", CreditCodes.withCheck("91410100MA0000005"), "4761300.00", null,
                            null),
                    with(Regime.TENDERING_LAW, "c", OTHER, "4800000.00", null, null)))
                    .as("a price between them breaks the sequence: only neighbours count").isEmpty();
        }

        @Test
        void the_same_price_is_for_judgment() {
            assertThat(flags(with(Regime.TENDERING_LAW, "a", BIDDER, "4700000.00", null, null),
                    with(Regime.TENDERING_LAW, "b", MEMBER, "4700000.0", null, null)))
                    .containsExactly("JUDGMENT TBR 40(四) a+b");
        }

        @Test
        void a_file_of_another_bidder_and_bonds_from_one_account_are_deemed_collusion() {
            assertThat(flags(with("a", BIDDER, "fileBidderId", MEMBER), with("b", MEMBER, null, null)))
                    .containsExactly("DEEMED TBR 40(五) a+b");
            assertThat(flags(with("a", BIDDER, "fileBidderId", BIDDER), with("b", MEMBER, null, null)))
                    .as("its own file").isEmpty();
            assertThat(flags(with("a", BIDDER, "bondPayerAccount", "4101 0000 1111"),
                    with("b", MEMBER, "bondPayerAccount", "410100001111"))).containsExactly("DEEMED TBR 40(六) a+b");
        }
    }

    @Nested
    class E_guarantees {

        static final LocalDate END = LocalDate.of(2027, 3, 21);

        static GuaranteeOnRecord guarantee(boolean found, boolean forThisBid, String amount, LocalDate end,
                boolean intact, String status) {
            return new GuaranteeOnRecord("BG-1", found, forThisBid, amount == null ? null : new BigDecimal(amount),
                    new BigDecimal("80000.00"), end, END, intact, status);
        }

        @Test
        void a_guarantee_for_this_bid_of_the_full_amount_through_the_bid_validity_passes() {
            assertThat(refusals(guarantee(true, true, "80000.00", END, true, "ISSUED"))).isEmpty();
        }

        @Test
        void one_cent_short_or_one_day_short_is_refused() {
            assertThat(refusals(guarantee(true, true, "79999.99", END, true, "ISSUED")))
                    .containsExactly("TBR 26; O87 63(一)");
            assertThat(refusals(guarantee(true, true, "80000.00", END.minusDays(1), true, "ISSUED")))
                    .containsExactly("docs/rules.md C17");
        }

        @Test
        void unknown_foreign_altered_or_settled_guarantees_are_refused() {
            assertThat(refusals(guarantee(false, false, null, null, false, null)))
                    .containsExactly("docs/rules.md C17; TBR 26");
            assertThat(refusals(guarantee(true, false, "80000.00", END, true, "ISSUED")))
                    .containsExactly("docs/rules.md C17");
            assertThat(refusals(guarantee(true, true, "80000.00", END, false, "ISSUED")))
                    .containsExactly("docs/rules.md C17");
            assertThat(refusals(guarantee(true, true, "80000.00", END, true, "SURRENDERED")))
                    .containsExactly("docs/rules.md C17; TBR 35");
        }
    }

    @Nested
    class Late_refunds {

        static List<String> fees(LateRefund refund) {
            RuleSet.Evaluation e = RuleSets.current().evaluate(List.of(refund));
            e.firedRules().stream().map(FiredRule::rule).forEach(FIRED::add);
            return e.all(LateFee.class).stream().map(f -> f.amount().toPlainString() + " " + f.by().citation())
                    .toList();
        }

        static LateRefund refund(Regime law, BondForm form, long daysLate) {
            return new LateRefund(law, "a", form, new BigDecimal("80000.00"), daysLate, new BigDecimal("0.0522"));
        }

        @Test
        void under_government_procurement_a_day_late_costs_the_benchmark_rate_plus_20_percent() {
            assertThat(fees(refund(Regime.GOVERNMENT_PROCUREMENT, BondForm.CHEQUE, 0))).as("on time").isEmpty();
            // 80,000 × 5.22% × 1 / 365 = 11.44
            assertThat(fees(refund(Regime.GOVERNMENT_PROCUREMENT, BondForm.CHEQUE, 1))).containsExactly("11.44 O87 38");
            assertThat(fees(refund(Regime.GOVERNMENT_PROCUREMENT, BondForm.CHEQUE, 10))).containsExactly("114.41 O87 38");
        }

        @Test
        void a_guarantee_or_the_tendering_law_carries_no_late_fee() {
            assertThat(fees(refund(Regime.GOVERNMENT_PROCUREMENT, BondForm.E_GUARANTEE, 3))).isEmpty();
            assertThat(fees(refund(Regime.TENDERING_LAW, BondForm.CASH, 3))).isEmpty();
        }
    }
}
