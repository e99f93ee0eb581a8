/**
 * Remote cross-site evaluation (远程异地评标, docs/domain.md §4; docs/rules.md §G, J): partner centres and their venues,
 * agreements between centres, the shared expert pool, the verifiable expert draw with its avoidance rules, and the glue
 * of {@code processes/remote-evaluation.bpmn}. A partner centre sees and acts on its own steps only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "archive", "bidding", "credit", "evaluation", "rules",
        "rules :: policy", "tender", "tender :: registration", "shared", "shared :: *" })
package io.huitong.remote;
