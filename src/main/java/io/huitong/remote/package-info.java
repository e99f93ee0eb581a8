/**
 * Remote cross-site evaluation (远程异地评标, docs/domain.md §4; docs/rules.md §G, J): partner centres and their venues,
 * agreements between centres, the shared expert pool, the verifiable expert draw with its avoidance rules. One class
 * per use case: {@link io.huitong.remote.RemotePlanning} (open and plan), {@link io.huitong.remote.PartnerRequests}
 * (asking partners), {@link io.huitong.remote.CommitteeDraw} (the draw), {@link io.huitong.remote.VenueOperations}
 * (preparation, sign-in, start), {@link io.huitong.remote.LinkFailures} and {@link io.huitong.remote.Postponement},
 * {@link io.huitong.remote.MemberReplacement}, {@link io.huitong.remote.Settlement} (confirmation, hand-back,
 * compensation), {@link io.huitong.remote.RemoteAccess} (who sees and does what). The models call the thin steps of
 * {@code io.huitong.remote.steps}, the only classes that see the engine's execution or task. A partner centre sees
 * and acts on its own steps only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "archive", "bidding", "credit", "evaluation", "interconnect", "rules",
        "rules :: policy", "tender", "tender :: registration", "shared", "shared :: *" })
package io.huitong.remote;
