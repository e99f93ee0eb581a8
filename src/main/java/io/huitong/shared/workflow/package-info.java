/** Process glue: deploying the models of {@code processes/} with relative names, changed models only. */
@org.springframework.modulith.NamedInterface("workflow")
package io.huitong.shared.workflow;
