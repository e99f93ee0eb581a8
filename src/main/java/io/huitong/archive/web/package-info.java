/** The archive doors: download a tender's package, verify it. */
package io.huitong.archive.web;
