/**
 * The web's common ground: RFC 9457 problems ({@code Problems}, {@code Violation} and the exceptions that become them),
 * JSON settings, the body limit, the OpenAPI description.
 */
@org.springframework.modulith.NamedInterface("web")
package io.huitong.shared.web;
