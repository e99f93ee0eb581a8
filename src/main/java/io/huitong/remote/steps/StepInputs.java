package io.huitong.remote.steps;

import io.huitong.remote.RemoteAccess;
import io.huitong.remote.RemoteProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** How the steps read what a task was given: ids from the process, answers as texts, taken off once read. */
final class StepInputs {

    private StepInputs() {
    }

    /**
     * The evaluation of the task's process, found by the process instance (which nobody can rewrite); a settlement
     * starting, not yet recorded, by the variable its start message set (no step takes it as an input).
     */
    static String evaluationId(DelegateTask task, RemoteAccess access) {
        return access.evaluationOfProcess(task.getProcessInstanceId())
                .orElseGet(() -> (String) task.getVariable(RemoteProcess.EVALUATION_ID));
    }

    static String string(DelegateTask task, String name) {
        return (String) task.getVariable(name);
    }

    /** A text answer, stripped; null when blank or not a text. */
    static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** Answers given through the engine land on the process: they are taken off, so no other step sees them. */
    static void removeAnswers(DelegateTask task, String... names) {
        for (String name : names) {
            task.getExecution().removeVariable(name);
        }
    }
}
