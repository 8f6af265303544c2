/** Lead times: when a part can be at a centre (or a home), and where it comes from. */
package io.glasslink.supplychain.availability;
