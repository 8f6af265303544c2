/** What the dashboards and alert rules query, read from their files, and the check against what services expose. */
package io.glasslink.observability;
