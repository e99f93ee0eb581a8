/**
 * Parties (市场主体): their unified social credit code (统一社会信用代码, GB 32100-2015), and the one entity each bidder
 * account acts for.
 */
@org.springframework.modulith.NamedInterface("party")
package io.huitong.shared.party;
