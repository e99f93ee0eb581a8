/**
 * Registration decided by rules (项目登记规则): the facts the DRL files in {@code rules/registration/} match,
 * the conclusions they insert, and the service that turns an evaluation into a registration decision.
 * The fact classes here are the contract between Java and the rule files; {@code rules/README.md} lists them.
 * Other modules read the registration decision through this package, the {@code tender :: registration} interface.
 */
@org.springframework.modulith.NamedInterface("registration")
package io.huitong.tender.registration;
