package io.glasslink.booking.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.availability.SlotOption;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The partner API's request and response bodies. Every string has a stated maximum length; the strict JSON rules
 * (web/StrictJsonConfiguration) trim it and refuse control characters before these constraints run.
 */
final class ApiModels {

    static final String CENTRE_ID = "C\\d{3}";
    static final String POSTCODE = "\\d{5}";
    static final String PHONE = "\\+?[0-9 .-]{6,20}";


    private ApiModels() {
    }

    /** An availability search. {@code partNumber} is required for replacements; {@code calibration} defaults to false. */
    record AvailabilitySearch(
            @NotNull JobType jobType,
            Boolean calibration,
            @Size(max = 64) String partNumber,
            @NotBlank @Pattern(regexp = POSTCODE, message = "must be a 5-digit French postcode") String postcode,
            Mode mode,
            LocalDate from) {
    }

    /** Bookable slots; {@code provisional} when answered from the cloud read model during a link outage. */
    record AvailabilityAnswer(boolean provisional, List<SlotOption> slots) {
    }

    /** A new booking. {@code start} is one of the slots returned by the availability search. */
    record NewBooking(
            @NotNull JobType jobType,
            Boolean calibration,
            @Size(max = 64) String partNumber,
            @NotBlank @Pattern(regexp = CENTRE_ID, message = "must be a centre id such as C001") String centreId,
            Mode mode,
            @Pattern(regexp = POSTCODE, message = "must be a 5-digit French postcode") String postcode,
            @NotNull OffsetDateTime start,
            @NotNull @Valid Vehicle vehicle,
            @NotNull @Valid Customer customer) {
    }

    /** The customer's vehicle. */
    record Vehicle(@NotBlank @Size(max = 64) String make, @NotBlank @Size(max = 64) String model,
                   @NotNull Integer year, @Size(max = 16) String plate) {
    }

    /** The customer. */
    record Customer(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
                    @NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
                    @NotNull Boolean consent) {
    }

    /** A new start for a booking. */
    record Reschedule(@NotNull OffsetDateTime start) {
    }

    /** A booking as partners see it; what does not apply (a repair's part, a centre job's postcode) is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookingView(String reference, String status, String message, JobType jobType, boolean calibration,
                       String partNumber, String centreId, Mode mode, String postcode, OffsetDateTime start,
                       OffsetDateTime end,
                       @Schema(description = "While RESCHEDULING: the start asked for (the booking keeps `start` until "
                               + "the back office has moved it)") OffsetDateTime requestedStart,
                       String failureReason, OffsetDateTime createdAt) {

        static BookingView of(Booking b) {
            var d = b.details();
            String message = switch (b.status()) {
                case REQUESTED -> "booking in progress";
                case PENDING -> "accepted; confirmation will follow when the back office is reachable";
                case CONFIRMED -> "confirmed";
                case FAILED -> "could not be completed: " + b.failureReason() + "; nothing is held";
                case CANCELLING -> "cancellation accepted; the slot and the part are released as soon as the back "
                        + "office is reachable";
                case RESCHEDULING -> "move accepted; the appointment moves to requestedStart as soon as the back office "
                        + "is reachable (it stays at start if the back office refuses the move)";
                case CANCELLED -> "cancelled";
            };
            return new BookingView(b.reference(), b.status().name(), message, d.jobType(), d.calibration(),
                    d.partNumber(), d.centreId(), d.mode(), d.postcode(), paris(b.start()), paris(b.end()),
                    b.status() == BookingStatus.RESCHEDULING ? paris(b.requestedStart()) : null,
                    b.failureReason() == null ? null : b.failureReason().name(),
                    b.createdAt().atZone(NetworkCalendar.ZONE).toOffsetDateTime());
        }

        private static OffsetDateTime paris(OffsetDateTime time) {
            return time == null ? null : time.atZoneSameInstant(NetworkCalendar.ZONE).toOffsetDateTime();
        }
    }

    /** One page of a partner's bookings. */
    record BookingPage(List<BookingView> items, int page, int size, long total) {
    }
}
