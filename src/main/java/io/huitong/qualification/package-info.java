/**
 * Qualification checked automatically (issue 18 item 4; docs/rules.md O2, O3, O6): what the tender documents require
 * of a bidder (the qualification kind and grade, performance, a registered project manager) and the facts the
 * trading-entity registry holds, decided by {@code rules/qualification} at the moment they matter. At submission, from
 * what a bidder declares in the clear: its own qualifications and performance, public registry facts, so nothing
 * sealed is read (EB20 27). At the opening, after decryption: the project manager the sealed file names. No original
 * documents are asked for (O6): a failed check names its rule and article, and the decision keeps the evidence.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "bidding", "registry", "tender", "lifecycle",
        "rules", "rules :: policy", "shared", "shared :: *" })
package io.huitong.qualification;
