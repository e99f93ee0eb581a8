/**
 * Electronic bid guarantees (电子保函, docs/rules.md C14, C17): bidders order a guarantee from a guarantee provider (a bank
 * or guarantor) through the centre; the provider's signed answer carries the guarantee and the hashes of its file; the
 * bid's bond is verified against it (amount, validity, hash); at the end it is surrendered (退保) or claimed (索赔, TBR 35,
 * 74).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "rules", "rules :: policy", "tender",
        "tender :: registration", "shared", "shared :: *" })
package io.huitong.guarantee;
