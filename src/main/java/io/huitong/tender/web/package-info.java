/** The REST API of tenders: registration, the rule sandbox, tender views, approval steps. */
package io.huitong.tender.web;
