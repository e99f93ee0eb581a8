/** The HTTP door of qualification: what a tender's documents require of a bidder. */
package io.huitong.qualification.web;
