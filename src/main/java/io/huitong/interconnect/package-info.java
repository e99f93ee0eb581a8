/**
 * Platforms that exchange signed messages (横向互联互通, issue 17): a deployment knows its partner platforms as data
 * ({@link io.huitong.interconnect.Peers}: centre code, address, public keys, agreement); every message between them
 * is a JWS signed by the sender's centre key ({@link io.huitong.interconnect.CentreKeys}) and checked against the
 * peer's keys. Sending goes through a transactional outbox ({@link io.huitong.interconnect.PeerExchange}): the
 * message is written with the change it reports and delivered at least once, in order per peer, retried with
 * back-off while the peer is down ({@link io.huitong.interconnect.OutboxDelivery}). Receiving
 * ({@link io.huitong.interconnect.Inbox}) refuses what is unsigned, tampered, unknown, misaddressed or stale, and
 * applies each message once, in the transaction that records it, through the
 * {@link io.huitong.interconnect.PeerMessageHandler} of its type. The message set is documented in
 * {@code docs/interconnect/asyncapi.yaml}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *" })
package io.huitong.interconnect;
