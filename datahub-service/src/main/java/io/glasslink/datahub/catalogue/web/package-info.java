/** HTTP API of the lake catalogue. */
package io.glasslink.datahub.catalogue.web;
