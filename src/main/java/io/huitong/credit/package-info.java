/**
 * The credit registry (信用记录): debarments, penalties and control relations between parties, kept by
 * supervisors and read when bidders' eligibility is decided (docs/rules.md D1, D2, D6, D9, D10, D13).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tender", "shared", "shared :: *" })
package io.huitong.credit;
