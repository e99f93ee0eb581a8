/** The REST API of a running tender: clarifications, objections, the award, after a failure, termination. */
package io.huitong.lifecycle.web;
