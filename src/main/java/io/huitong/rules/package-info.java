/**
 * Rules (规则): the Drools adapter. Every DRL file and policy file under {@code rules/} forms one rule-set
 * version, identified by a content hash and kept in the database; decisions are evaluated against a version
 * and recorded with their inputs, the rules that fired and their legal citations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *" })
package io.huitong.rules;
