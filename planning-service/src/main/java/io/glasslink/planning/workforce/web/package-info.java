/** HTTP API to record technician absences. */
package io.glasslink.planning.workforce.web;
