/** Slot search: free start times per centre computed from working plans minus absences and appointments. */
package io.glasslink.planning.slots;
