package io.huitong.mall;

import java.time.LocalDate;

/** A supplier to be admitted to an agreement on a day: the facts of the admission rules. */
public record AdmissionFacts(String agreementId, String number, AgreementKind kind, LocalDate validFrom,
        LocalDate validTo, String creditCode, LocalDate admittedOn) {
}
