package io.huitong.shared.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Explains a user task to whoever opens it in Tasklist: the rule decisions that matter to it, with their
 * citations (an approver sees why the route came to them). Each feature explains its own tasks.
 */
public interface TaskGuide {

    /** The explanation of this task, or null when the task is not this guide's. */
    String explain(DelegateTask task);
}
