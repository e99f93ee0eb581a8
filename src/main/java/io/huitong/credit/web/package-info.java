/** The REST API of the credit registry: supervisors record and revoke; everyone authenticated reads. */
package io.huitong.credit.web;
