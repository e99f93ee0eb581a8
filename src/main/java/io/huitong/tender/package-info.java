/**
 * Tenders (招标项目): registration (项目登记), the approval route, and — in later slices — the whole lifecycle.
 * The vocabulary here (regime, category, method, bond form) is what rules and the REST API speak.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "rules", "rules :: policy", "shared",
        "shared :: *" })
package io.huitong.tender;
