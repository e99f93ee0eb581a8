/**
 * Security: HTTP Basic against Camunda's identity for the API and the engine's REST API, roles by Camunda
 * group, the engine told who acts, failed logins logged, an administrator required outside the demo profile.
 */
@org.springframework.modulith.NamedInterface("security")
package io.huitong.shared.security;
