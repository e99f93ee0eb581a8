/**
 * E-certificates of several CAs, mutually recognised (电子认证证书互认, docs/rules.md K7, K8, O4, O5): the trust list of
 * recognised CAs with, per province, the period in which the province recognises each; verification of a certificate
 * chain or a detached CMS signature for a trading entity (by its unified social credit code), in a province, at a
 * time — chain, validity, revocation (CRL), the entity in the subject, RSA, ECDSA and SM2/SM3 alike — whose acceptance
 * the rules decide (rules/certification); the certificates registered for each entity; a demo CA in the demo profile.
 * docs/certification.md says which certificate formats are read and how.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "rules", "shared", "shared :: *" })
package io.huitong.certification;
