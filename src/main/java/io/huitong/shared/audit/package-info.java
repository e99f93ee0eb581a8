/** The audit log: every state-changing request with time, network address and operator (EB20 49). */
package io.huitong.shared.audit;
