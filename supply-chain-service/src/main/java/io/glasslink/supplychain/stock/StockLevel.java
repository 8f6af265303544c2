package io.glasslink.supplychain.stock;

/** Absolute stock figures of one part at one location. */
public record StockLevel(String partNumber, String locationId, int onHand, int held, int allocated) {

    /** What can still be promised: on hand minus held minus allocated. */
    public int available() {
        return onHand - held - allocated;
    }
}
