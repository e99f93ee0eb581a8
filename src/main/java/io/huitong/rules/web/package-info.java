/** The REST API of rules: versions, reload, stored files, decision records. */
package io.huitong.rules.web;
