/**
 * Time: one clock for domain and engine (which in a sandbox may run fast or be moved), and the legal calendar that
 * counts periods (CC 201–203).
 */
@org.springframework.modulith.NamedInterface("time")
package io.huitong.shared.time;
