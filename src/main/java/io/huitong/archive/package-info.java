/**
 * The electronic archive (电子档案, docs/rules.md K; the Lüliang centre's archive in the seed article): when a tender's
 * lifecycle is over, one package of everything it produced, with a manifest of hashes, to download and verify.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "bidding", "lifecycle", "publication", "rules",
        "tender", "shared", "shared :: *" })
package io.huitong.archive;
