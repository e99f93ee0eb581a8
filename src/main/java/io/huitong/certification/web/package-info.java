/** The certification doors: the trust list, signature verifications, an entity's certificates, the demo CA's CRL. */
package io.huitong.certification.web;
