package io.glasslink.supplychain.network;

/** No service centre has this id. */
public class UnknownCentreException extends RuntimeException {

    private final int position;

    /** For {@code centreId}, the one centre asked about. */
    public UnknownCentreException(String centreId) {
        this(centreId, -1);
    }

    /** For {@code centreId}, at {@code position} (0-based) in a list of centres asked about. */
    public UnknownCentreException(String centreId, int position) {
        super("no service centre " + centreId);
        this.position = position;
    }

    /** Where the unknown centre stands in the list asked about; -1 when one centre was asked about. */
    public int position() {
        return position;
    }
}
