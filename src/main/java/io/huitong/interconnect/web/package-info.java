/** The doors of the exchange: the peers' message endpoint and published keys, and the administrators' API. */
package io.huitong.interconnect.web;
