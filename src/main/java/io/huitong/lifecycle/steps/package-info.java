/**
 * Step adapters of the lifecycle's models: what {@code ${lifecycle.…}} and {@code ${guards.…}} call, and the
 * Tasklist guide. They read ids and variables from the engine and call one use case each; nothing else in the
 * lifecycle module sees the engine's {@code DelegateExecution} or {@code DelegateTask}.
 */
package io.huitong.lifecycle.steps;
