/** What the booking saga needs from the on-prem supply chain and planning, independent of how it is reached. */
package io.glasslink.booking.onprem;
