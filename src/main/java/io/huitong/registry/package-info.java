/**
 * The trading-entity registry (交易主体库, issue 18; docs/rules.md O1–O3, O6): trading entities by unified social
 * credit code, their qualifications (资质), registered personnel (注册建造师 and other registered staff), performance
 * records (业绩) and the in-progress assignments of registered persons as project manager (在建项目, O2). Each record
 * carries its {@link io.huitong.registry.Source}: declared by the entity itself, or confirmed by an authority through
 * an {@link io.huitong.registry.AuthorityProvider} check kept with its answer and digest. {@link
 * io.huitong.registry.RegistryFacts} gives the rules what they decide eligibility on; {@link
 * io.huitong.registry.RegistryImport} loads files in bulk. An entity's e-certificates (issue 18 item 3) are
 * linked to its credit code here later.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *" })
package io.huitong.registry;
