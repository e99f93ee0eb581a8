/**
 * Infrastructure shared by every feature: time and calendars, web errors, security, process glue, audit. It depends on
 * no feature module. Features use it through its named interfaces ({@code time}, {@code web}, {@code security},
 * {@code party}, {@code workflow}, {@code audit}, {@code signing}) and the types of this package; {@code operations} and {@code demo}
 * stay inside.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.huitong.shared;
