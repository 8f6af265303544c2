/** Parts catalogue: glass parts, the vehicles they fit and the attributes that change the job. */
package io.glasslink.supplychain.catalog;
