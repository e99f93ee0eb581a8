/**
 * Policy data (政策参数) that rules read: parameters with their tags and citations, jurisdiction policies
 * (the Xinyang waiver), internal sign-off levels, and the holiday calendar. Written in YAML under
 * {@code rules/} and versioned with the DRL files. Other modules read them through this package, the
 * {@code rules :: policy} interface.
 */
@org.springframework.modulith.NamedInterface("policy")
package io.huitong.rules.policy;
