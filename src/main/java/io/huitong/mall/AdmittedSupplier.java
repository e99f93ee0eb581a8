package io.huitong.mall;

import java.time.LocalDate;

/** A supplier admitted to an agreement (入围供应商), from the day it was admitted. */
public record AdmittedSupplier(String agreementId, String creditCode, String name, LocalDate admittedOn) {
}
