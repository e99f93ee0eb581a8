/**
 * Process glue for tenders: the names the BPMN models use (keys, variables) defined once, the start of a
 * registration's approval route, and thin adapters the models call by expression.
 */
package io.huitong.tender.workflow;
