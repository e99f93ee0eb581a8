/** The bidder accounts' API: which trading entity each account acts for. */
package io.huitong.shared.party.web;
