/**
 * The tender lifecycle (招标全流程): the glue between {@code processes/tender-lifecycle.bpmn} and the domain —
 * legal periods and the timers that wait for them, clarifications and objections, failure, award, contract,
 * refunds, archive, termination.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "bidding", "certification", "rules", "rules :: policy", "tender",
        "tender :: registration", "shared", "shared :: *" })
package io.huitong.lifecycle;
