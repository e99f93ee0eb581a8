package io.huitong.guarantee;

import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.Digests;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.ConflictException;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import io.huitong.tender.BondForm;
import io.huitong.tender.RegistrationRequest;
import io.huitong.tender.Tender;
import io.huitong.tender.TenderService;
import io.huitong.tender.TenderStatus;
import io.huitong.tender.registration.RegistrationDecision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-guarantees through the centre (docs/rules.md C14, C17): a bidder orders one for a tender; the provider's signed
 * answer is checked (the file against the MD5 and SHA-256 it signed) and kept. At submission the bid's bond is
 * checked against it by the rules; once the bond is due back it is surrendered, and where the tenderer keeps the
 * bond (TBR 35, 74) it is claimed.
 */
@Service
public class ElectronicGuarantees {

    static final String VALIDITY_DAYS = "bond.e-guarantee.validity-days";

    private final Guarantees store;
    private final GuaranteeProvider provider;
    private final TenderService tenders;
    private final RuleSetRegistry ruleSets;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionTemplate newTransaction;
    private final io.huitong.shared.party.BidderAccounts accounts;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ElectronicGuarantees.class);

    ElectronicGuarantees(Guarantees store, GuaranteeProvider provider, TenderService tenders,
            RuleSetRegistry ruleSets, Clock clock, org.springframework.context.ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager transactions,
            io.huitong.shared.party.BidderAccounts accounts) {
        this.accounts = accounts;
        this.events = events;
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.store = store;
        this.provider = provider;
        this.tenders = tenders;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /** Whether the operator's account acts for the guaranteed bidder. */
    public boolean forOwnEntity(ElectronicGuarantee g, Operator operator) {
        return accounts.actsFor(operator.userId(), g.bidderId());
    }

    /** Orders a guarantee for the bidder on the tender's current round: the bond the tender asks, for its validity. */
    public ElectronicGuarantee order(String tenderId, String bidderId, String bidderName, Operator operator) {
        // a guarantee is ordered by the bidder it guarantees: an account of that entity only
        accounts.requireActsFor(operator.userId(), bidderId, "bidderId");
        Tender tender = tenders.get(tenderId);
        RegistrationDecision decisions = tenders.decisions(tender);
        RegistrationRequest registration = tenders.registration(tender);
        if (tender.status() != TenderStatus.BIDDING) {
            throw new ConflictException("只能在投标期间申请投标保函 / E-guarantees are ordered while bidding is open");
        }
        if (!decisions.bidBond().required() || !decisions.bidBond().allowedForms().contains(BondForm.E_GUARANTEE)) {
            throw new ValidationException(List.of(Violation.of("tenderId", "validation.e-guarantee-not-asked", "C17",
                    null, tenderId, "该项目不要求或不接受电子保函形式的投标保证金",
                    "The tender asks no bond in the form of an e-guarantee")));
        }
        GuaranteeProvider.Order order = new GuaranteeProvider.Order(UUID.randomUUID().toString(),
                tenderId + "/" + tender.round(), tender.title(), bidderId, bidderName,
                "招标人 Tenderer of " + tender.title(), registration.bidBondAmount(), requiredEnd(tender));
        GuaranteeProvider.Issued issued;
        try {
            issued = provider.order(order);
        } catch (GuaranteeProvider.ProviderException e) {
            throw new ProviderUnavailable(e.getMessage(), e);
        }
        byte[] file = Base64.getDecoder().decode(issued.file());
        if (!issued.orderNo().equals(order.orderNo()) || !issued.principalId().equals(bidderId)
                || issued.amount().compareTo(order.amount()) != 0
                || !Digests.md5Hex(file).equals(issued.md5())
                || !Digests.sha256Hex(file).equals(issued.sha256())) {
            throw new ProviderUnavailable("保函机构返回的保函与订单或其哈希不符 / The provider's guarantee does not match the "
                    + "order or its own hashes", null);
        }
        ElectronicGuarantee g = new ElectronicGuarantee(issued.guaranteeNo(), order.orderNo(), "default", tenderId,
                tender.round(), bidderId, bidderName, operator.userId(), issued.amount(), issued.issuedAt(),
                issued.startDate(), issued.endDate(), issued.md5(), issued.sha256(),
                ElectronicGuarantee.Status.ISSUED, null, null, null);
        store.insert(g, issued.file());
        return g;
    }

    /** The last day a guarantee must cover: the bid deadline plus the bid validity (C17). */
    LocalDate requiredEnd(Tender tender) {
        int days = ruleSets.version(tender.ruleSetVersion()).policy().parameters()
                .on(tender.bidDeadlineDate()).amount(VALIDITY_DAYS)
                .intValueExact();
        return tender.bidDeadline().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(days);
    }

    /**
     * The guarantee a bid names, as the submission rules check it. Another bidder's guarantee is as unknown as a
     * number never issued: its amount, end date and status would otherwise land in the submitter's own decision
     * record, and the numbers are easy to guess (who else bids is sealed, TBL 22).
     */
    public GuaranteeOnRecord onRecord(Tender tender, String bidderId, String guaranteeNo, BigDecimal required) {
        Optional<ElectronicGuarantee> found = guaranteeNo == null ? Optional.empty()
                : store.find(guaranteeNo.strip()).filter(g -> g.bidderId().equals(bidderId));
        if (found.isEmpty()) {
            return new GuaranteeOnRecord(guaranteeNo, false, false, null, required, null, requiredEnd(tender), false,
                    null);
        }
        ElectronicGuarantee g = found.get();
        boolean intact = store.file(g.guaranteeNo()).map(f -> {
            try {
                byte[] bytes = Base64.getDecoder().decode(f);
                return Digests.md5Hex(bytes).equals(g.md5())
                        && Digests.sha256Hex(bytes).equals(g.sha256());
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }).orElse(false);
        return new GuaranteeOnRecord(g.guaranteeNo(), true, g.tenderId().equals(tender.id())
                && g.round() == tender.round() && g.bidderId().equals(bidderId), g.amount(), required, g.endDate(),
                requiredEnd(tender), intact, g.status().name());
    }

    public ElectronicGuarantee get(String tenderId, String guaranteeNo) {
        return store.find(guaranteeNo).filter(g -> g.tenderId().equals(tenderId))
                .orElseThrow(() -> new NotFoundException("没有该电子保函 / No e-guarantee " + guaranteeNo));
    }

    /**
     * The bond is due back: the guarantee is to be surrendered to its provider (退保). Recorded in the caller's
     * transaction; the provider is asked once it is committed, and again until it answers.
     */
    public void surrender(String guaranteeNo, String reason) {
        if (store.request(guaranteeNo, "SURRENDER", reason, null, clock.instant())) {
            events.publishEvent(new SettlementRequested(guaranteeNo));
        }
    }

    /** The tenderer keeps the bond (TBR 35, 74): the guarantee is to be claimed for its amount (索赔). */
    public void claim(String guaranteeNo, String reason, String citation) {
        if (store.request(guaranteeNo, "CLAIM", reason, citation, clock.instant())) {
            events.publishEvent(new SettlementRequested(guaranteeNo));
        }
    }

    record SettlementRequested(String guaranteeNo) {
    }

    @TransactionalEventListener(fallbackExecution = true)
    void requested(SettlementRequested event) {
        store.pending(event.guaranteeNo()).ifPresent(this::settle);
    }

    /** Asks the provider for every surrender and claim still pending (the schedule's sweep). */
    public int settlePending() {
        int done = 0;
        for (Guarantees.Pending p : store.pending()) {
            done += settle(p) ? 1 : 0;
        }
        return done;
    }

    private boolean settle(Guarantees.Pending p) {
        ElectronicGuarantee g = store.find(p.guaranteeNo()).orElseThrow();
        boolean claim = "CLAIM".equals(p.action());
        try {
            if (claim) {
                provider.claim(new GuaranteeProvider.Claim(g.guaranteeNo(), g.amount(), p.reason(), p.citation()));
            } else {
                provider.surrender(new GuaranteeProvider.Surrender(g.guaranteeNo(), p.reason()));
            }
        } catch (GuaranteeProvider.AlreadySettled settled) {
            // the provider did it already (an earlier answer was lost): the platform catches up
            log.info("guarantee {} was settled at the provider already", g.guaranteeNo());
        } catch (GuaranteeProvider.ProviderException e) {
            newTransaction.executeWithoutResult(s -> store.failed(g.guaranteeNo(), e.getMessage()));
            log.warn("guarantee {}: {} not done, asked again later: {}", g.guaranteeNo(), p.action(), e.getMessage());
            return false;
        }
        newTransaction.executeWithoutResult(s -> store.settle(g.guaranteeNo(), claim
                ? ElectronicGuarantee.Status.CLAIMED : ElectronicGuarantee.Status.SURRENDERED, p.reason(),
                p.citation(), clock.instant()));
        return true;
    }

    /** The provider refused or could not be reached: nothing was ordered. */
    public static class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
