/** The e-mall's HTTP API: framework agreements and orders. */
package io.huitong.mall.web;
