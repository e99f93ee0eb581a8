/** The publication doors: the OCDS release package of a tender. */
package io.huitong.publication.web;
