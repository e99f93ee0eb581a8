/** Infrastructure shared by every feature: time and calendars, web errors, security, process glue, audit. */
package io.huitong.shared;
