/** Keeps the cloud read model of stock levels and taken slots from the Data Hub topic {@code cloud.availability}. */
package io.glasslink.booking.availability.readmodel;
