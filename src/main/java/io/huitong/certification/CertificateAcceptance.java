package io.huitong.certification;

import io.huitong.rules.RuleOutput;

/** What the rules insert when nothing refused the certificate (or the signature): the rule and its citation. */
public record CertificateAcceptance(RuleOutput by) {
}
