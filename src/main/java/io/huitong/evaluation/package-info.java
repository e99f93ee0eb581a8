/**
 * Evaluation (评标): the committee and its composition rules, the qualification review, one scoring task per
 * member, price scores with the SME policy, ranked candidates. Local evaluation is a called process chosen by
 * a variable, so that remote cross-site evaluation can take its place.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "bidding", "certification", "rules", "tender",
        "tender :: registration", "shared", "shared :: *" })
package io.huitong.evaluation;
