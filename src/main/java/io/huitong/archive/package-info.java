/**
 * The electronic archive (电子档案, docs/rules.md K; the Lüliang centre's archive in the seed article): when a tender's
 * lifecycle is over, one package of everything it produced, with a manifest of hashes, to download and verify.
 */
package io.huitong.archive;
