/** The e-guarantee doors: order one for a tender, see one's own. */
package io.huitong.guarantee.web;
