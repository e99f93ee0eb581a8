package io.huitong.bidding;

/** Every bid of the round is decrypted or found undecryptable: the opening need not wait for the window's end. */
public record BidsDecrypted(String tenderId, int round) {
}
