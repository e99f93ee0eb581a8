package io.huitong.remote;

import io.huitong.rules.RuleSet;
import io.huitong.rules.RuleSetRegistry;
import io.huitong.shared.time.LegalClock;
import io.huitong.shared.time.PeriodUnit;
import io.huitong.tender.TenderService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * The figures of the local rule a remote evaluation runs on (J9, J10, J15, G10, …): the parameters of its tender's
 * rule-set version, read here and nowhere typed into Java.
 */
@Component
class RemotePolicy {

    private final TenderService tenders;
    private final RuleSetRegistry ruleSets;

    RemotePolicy(TenderService tenders, RuleSetRegistry ruleSets) {
        this.tenders = tenders;
        this.ruleSets = ruleSets;
    }

    /** How many experts sit at the main venue and at each partner's (J15: a parameter). */
    record Allocation(int experts, int main, int perPartner, int remainder) {
    }

    Allocation allocation(RemoteRecords.Evaluation e) {
        int experts = e.committeeSize() - e.representatives().size();
        int partners = partnerVenues(e);
        BigDecimal share = parameter(e, "remote.partner-expert-share");
        int fromPartners = Math.min(experts, BigDecimal.valueOf(experts).multiply(share)
                .setScale(0, RoundingMode.CEILING).intValue());
        return new Allocation(experts, experts - fromPartners, fromPartners / partners, fromPartners % partners);
    }

    /** How many partner venues the evaluation needs. */
    int partnerVenues(RemoteRecords.Evaluation e) {
        return parameter(e, "remote.partner-venues").intValue();
    }

    RuleSet ruleSet(RemoteRecords.Evaluation e) {
        return ruleSets.version(tenders.get(e.tenderId()).ruleSetVersion());
    }

    BigDecimal parameter(RemoteRecords.Evaluation e, String key) {
        // the evaluation's law: as of the bid deadline's day
        return ruleSet(e).policy().parameters().on(tenders.get(e.tenderId()).bidDeadlineDate()).amount(key);
    }

    Duration hours(RemoteRecords.Evaluation e, String key) {
        return Duration.ofMinutes(parameter(e, key).multiply(BigDecimal.valueOf(60)).longValue());
    }

    /** The end of the day that many working days (the parameter {@code key}) after {@code from}. */
    OffsetDateTime workingDaysAfter(RemoteRecords.Evaluation e, LocalDate from, String key) {
        int days = parameter(e, key).intValue();
        return endOf(ruleSet(e).policy().calendar().periodEnd(from, days, PeriodUnit.WORKING_DAYS));
    }

    static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(LegalClock.CHINA).toOffsetDateTime();
    }
}
