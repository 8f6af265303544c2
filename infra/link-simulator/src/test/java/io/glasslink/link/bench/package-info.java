/** Load driver for the link simulator benchmark (run by hand, never during the build). */
package io.glasslink.link.bench;
