/**
 * Step adapters of the evaluation models: the beans {@code local-evaluation.bpmn} and {@code remote-evaluation.bpmn}
 * call by expression ({@code evaluation}, {@code evaluationGuards}) and the Tasklist guide of the committee's tasks.
 * They read ids and variables from the engine's {@code DelegateTask}/{@code DelegateExecution} and call one use case
 * of {@code io.huitong.evaluation}, which takes plain values. Bean names and method signatures are what deployed
 * model versions call: keep them.
 */
package io.huitong.evaluation.steps;
