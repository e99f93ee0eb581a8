package io.huitong.tender;

/** Published when a registration's approval route ends approved: the lifecycle starts. */
public record TenderApproved(String tenderId) {
}
