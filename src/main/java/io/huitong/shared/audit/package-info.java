/** The audit log: every state-changing request with time, network address and operator (EB20 49). */
@org.springframework.modulith.NamedInterface("audit")
package io.huitong.shared.audit;
