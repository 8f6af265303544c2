package io.glasslink.booking.support;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Valid partner requests, as JSON trees a test can break one field at a time. */
public final class Requests {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Requests() {
    }

    /** A valid booking: a windscreen replacement with calibration at C326, on a slot the on-prem side offers. */
    public static ObjectNode newBooking(String email) {
        ObjectNode booking = JSON.createObjectNode()
                .put("jobType", "WINDSCREEN_REPLACEMENT").put("calibration", true)
                .put("partNumber", "WS-RENAULT-CLIO-5").put("centreId", "C326").put("mode", "CENTRE")
                .put("start", IntegrationTest.GATEWAY.slotStart(1, 14).toString());
        booking.putObject("vehicle").put("make", "Renault").put("model", "Clio").put("year", 2021).put("plate", "AB-123-CD");
        booking.putObject("customer").put("name", "Ada Lovelace").put("email", email)
                .put("phone", "+33 6 01 02 03 04").put("consent", true);
        return booking;
    }

    /** A valid availability search: a replacement near 75011 at a centre. */
    public static ObjectNode search() {
        return JSON.createObjectNode().put("jobType", "WINDSCREEN_REPLACEMENT").put("calibration", false)
                .put("partNumber", "WS-RENAULT-CLIO-5").put("postcode", "75011").put("mode", "CENTRE");
    }
}
