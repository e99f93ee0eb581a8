/** The registry's doors: entities keep their own records, clerks trigger checks, administrators import files. */
package io.huitong.registry.web;
