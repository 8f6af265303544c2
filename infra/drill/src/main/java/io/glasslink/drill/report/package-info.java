/** The drill's report: one row per fault, the invariants under it, the failover figures; printed and written to a file. */
package io.glasslink.drill.report;
