package io.glasslink.booking.centres;

/** One service centre of the network, as listed in the reference data. */
public record Centre(String id, String name, String postcode, String city, String departement,
                     double latitude, double longitude, int vans) {

    /** Great-circle distance in kilometres to a point. */
    public double distanceKm(double lat, double lon) {
        double dLat = Math.toRadians(lat - latitude);
        double dLon = Math.toRadians(lon - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
