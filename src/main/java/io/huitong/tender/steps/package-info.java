/**
 * Step adapters of {@code tender-registration.bpmn}: the bean the model calls by expression ({@code approvalService})
 * and the Tasklist guide of the approval steps. They read ids and variables from the engine's {@code DelegateTask}
 * and call one use case of {@code io.huitong.tender}, which takes plain values. Bean names and method signatures are
 * what deployed model versions call: keep them.
 */
package io.huitong.tender.steps;
