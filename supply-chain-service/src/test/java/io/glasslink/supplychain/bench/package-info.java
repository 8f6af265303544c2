/** Load driver for the supply-chain benchmark (run by hand, never during verify). */
package io.glasslink.supplychain.bench;
