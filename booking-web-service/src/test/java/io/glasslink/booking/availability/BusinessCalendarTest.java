package io.glasslink.booking.availability;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.bookings.BookingStatus;
import io.glasslink.booking.bookings.NoticePolicyException;
import io.glasslink.booking.bookings.BookingSagaTestSupport;
import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The running service reads business time from its clock only: the partner search's default day, the provisional
 * answer, the notice policy and the site's vehicle-year bound all move with it.
 */
class BusinessCalendarTest extends IntegrationTest {

    @Autowired
    ObjectMapper json;
    @Autowired
    BookingService bookings;

    @ParameterizedTest
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void aPartnerSearchWithoutFromStartsTomorrowOnTheNetworksCalendarWhileTheLinkIsDown(NamedDate date) {
        CLOCK.set(date.instant());
        GATEWAY.linkDown(true);
        JsonNode answer = json.readTree(RestClient.create(baseUrl()).post().uri("/api/v1/availability/search")
                .header("X-Glasslink-Identity", TestIdentity.partner("P-CALENDAR"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("jobType", "CHIP_REPAIR", "postcode", "69003"))
                .retrieve().body(String.class));
        assertThat(answer.get("provisional").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(answer.get("slots").get(0).get("start").asString()))
                .isEqualTo(OffsetDateTime.parse(ProvisionalAvailabilityTest.FIRST_SLOT.get(date.name())));
    }

    @Test
    void theNoticePolicyJudgesACancellationByTheServicesClock() {
        Booking booked = bookings.book(BookingSagaTestSupport.replacementAt(GATEWAY.slotStart(1, 14)));
        assertThat(booked.status()).isEqualTo(BookingStatus.CONFIRMED);

        CLOCK.set(booked.start().toInstant().minus(Duration.ofHours(23)));
        assertThatThrownBy(() -> bookings.cancel(bookings.find(booked.reference()).orElseThrow()))
                .isInstanceOf(NoticePolicyException.class);
        CLOCK.set(booked.start().toInstant().minus(Duration.ofHours(25)));
        assertThat(bookings.cancel(bookings.find(booked.reference()).orElseThrow()).status())
                .isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void theSitesVehicleYearBoundTurnsWithTheParisNewYear() {
        RestClient site = RestClient.create(baseUrl());
        String damageStep = "/book/damage?make=Renault&model=Clio&year=2028";
        CLOCK.set(NamedDates.NEW_YEARS_EVE.instant());
        assertThat(site.get().uri(damageStep).retrieve().body(String.class)).contains("id=\"year-error\"");
        CLOCK.advance(Duration.ofHours(1));
        assertThat(site.get().uri(damageStep).retrieve().body(String.class)).doesNotContain("id=\"year-error\"");
    }
}
