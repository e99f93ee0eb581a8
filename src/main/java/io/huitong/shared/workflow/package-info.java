/** Process glue: deploying the models of {@code processes/} with relative names, changed models only. */
package io.huitong.shared.workflow;
