package io.huitong.shared.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a constant whose value names something a process designer draws: a process key, a user task or other
 * element id, a message or an error code. Java reads these names; the model is where they are changed. The test
 * {@code ModelContractTest} checks that each marked name is still in the named process of {@code processes/}, so
 * renaming an element in Camunda Modeler fails that test naming the model and the element, and that no Java
 * names a user task, message or process without this mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ModelElement {

    /** The key (id) of the process the element belongs to; for a process key, the process itself. */
    String process();

    /** What kind of name the constant holds. */
    Kind kind();

    /** What kind of name a constant holds. */
    enum Kind {
        /** A process definition key: the {@code id} of a {@code bpmn:process}. */
        PROCESS,
        /** The id of a user task (its task definition key). */
        USER_TASK,
        /** The id of any other flow element (service task, event, gateway, sub-process). */
        ELEMENT,
        /** The name of a {@code bpmn:message} the process catches. */
        MESSAGE,
        /** The error code of a {@code bpmn:error} the process throws or catches. */
        ERROR
    }
}
