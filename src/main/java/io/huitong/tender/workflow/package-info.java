/**
 * Process glue for tenders: the names the BPMN models use (keys, variables) defined once, the start of a
 * registration's approval route. The adapters the models call by expression are in {@code tender.steps}.
 */
package io.huitong.tender.workflow;
