/** Edge and hybrid gateway: partner security, routes, resilience, on-prem trust tokens. */
package io.glasslink.gateway;
