/**
 * Running Huitong: health (the database and the engine), Prometheus metrics, the tender id in every log line,
 * idempotent creation.
 */
package io.huitong.shared.operations;
