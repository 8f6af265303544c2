/** Cloud booking site, partner API and booking saga. */
package io.glasslink.booking;
