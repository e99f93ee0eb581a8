/**
 * Publication (信息公开): each tender as an Open Contracting Data Standard 1.1 release package, and the public
 * result pages with scores, rejection reasons and the complaint channel (docs/rules.md K12).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "bidding", "evaluation", "rules", "tender",
        "tender :: registration", "shared", "shared :: *" })
package io.huitong.publication;
