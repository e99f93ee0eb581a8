/**
 * The government-procurement e-mall (电子卖场, issue 19; docs/rules.md §N): framework agreements (O110) with their
 * items and maximum unit prices and their admitted suppliers, and the orders placed under them. Java states the facts
 * (the order, the agreement, the supplier's credit records, the purchaser's earlier orders of the category under the
 * budget item in the budget year), {@code rules/mall} decides whether the order may go through the mall, and every
 * decision is recorded. Second-stage processes, the catalogue and its search come in later slices.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "credit", "rules", "shared",
        "shared :: *" })
package io.huitong.mall;
