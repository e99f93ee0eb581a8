/** The REST API of local evaluation: the committee, the review, the scores, the report. */
package io.huitong.evaluation.web;
