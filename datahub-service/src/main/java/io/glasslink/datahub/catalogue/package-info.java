/** The lake catalogue: datasets and their event-time partitions with object, record and byte counts. */
package io.glasslink.datahub.catalogue;
