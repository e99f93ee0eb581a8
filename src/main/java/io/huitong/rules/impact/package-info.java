/**
 * The impact of a rule change before it goes live (规则变更影响分析): a candidate rule set — a stored version, or the rules
 * folder as uploaded, compiled in memory and never activated — decides past decisions again from their stored inputs,
 * beside the version each used; the report says what would change. Only the report is stored.
 */
package io.huitong.rules.impact;
