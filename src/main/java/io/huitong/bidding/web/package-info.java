/** The REST API of bids: submission and withdrawal by bidder portals, the list once opened, bond refunds. */
package io.huitong.bidding.web;
