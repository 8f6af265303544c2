/** The drill's load: a Gatling simulation of web customers and partners, and what each request got back. */
package io.glasslink.drill.load;
