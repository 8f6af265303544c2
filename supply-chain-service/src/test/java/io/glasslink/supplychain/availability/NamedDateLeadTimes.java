package io.glasslink.supplychain.availability;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.glasslink.testsupport.NamedDates;
import org.junit.jupiter.params.provider.Arguments;

/** The lead times expected on each of the {@link NamedDates}, shared by the planner's unit test and the API's. */
public final class NamedDateLeadTimes {

    private NamedDateLeadTimes() {
    }

    /**
     * For each named moment, when a part ordered then is at a centre 1 working day from its depot
     * (15:00 cut-off), whose depot is 2 days from the DC (12:00 cut-off), the supplier needing 5
     * days to the DC: from local stock, the depot, the DC and the supplier, as the API writes them. Worked out by hand from the rules, not by the planner.
     */
    public static final Map<String, List<String>> EXPECTED = Map.of(
            // Saturday is a working day: both orders ship before their cut-offs; Sunday 6 is skipped
            NamedDates.SATURDAY.name(), List.of("2026-12-05T10:00:00+01:00", "2026-12-07T08:00:00+01:00",
                    "2026-12-09T08:00:00+01:00", "2026-12-15T08:00:00+01:00"),
            // after both cut-offs on Saturday: nothing ships before Monday 7
            NamedDates.SATURDAY_EVENING.name(), List.of("2026-12-05T22:30:00+01:00", "2026-12-08T08:00:00+01:00",
                    "2026-12-10T08:00:00+01:00", "2026-12-16T08:00:00+01:00"),
            // Sunday is closed all day: ships Monday 7
            NamedDates.SUNDAY.name(), List.of("2026-12-06T15:00:00+01:00", "2026-12-08T08:00:00+01:00",
                    "2026-12-10T08:00:00+01:00", "2026-12-16T08:00:00+01:00"),
            // ships Thursday 24; Christmas Day, Sunday 27 and 1 January are skipped
            NamedDates.CHRISTMAS_EVE.name(), List.of("2026-12-24T11:00:00+01:00", "2026-12-26T08:00:00+01:00",
                    "2026-12-29T08:00:00+01:00", "2027-01-05T08:00:00+01:00"),
            // ships Friday 7; 8 May (a Saturday), Sunday 9, Sunday 16 and Whit Monday 17 May 2027 are skipped
            NamedDates.VICTORY_DAY_EVE.name(), List.of("2027-05-07T11:00:00+02:00", "2027-05-10T08:00:00+02:00",
                    "2027-05-12T08:00:00+02:00", "2027-05-19T08:00:00+02:00"),
            // Saturday after the cut-offs, in winter time: ships Monday 30, arrives in summer time;
            // Sunday 5 and Easter Monday 6 April 2026 are skipped
            NamedDates.DST_SPRING_EVE.name(), List.of("2026-03-28T16:00:00+01:00", "2026-03-31T08:00:00+02:00",
                    "2026-04-02T08:00:00+02:00", "2026-04-09T08:00:00+02:00"),
            // the night the clocks go forward (a Sunday): same as the eve
            NamedDates.DST_SPRING.name(), List.of("2026-03-29T01:30:00+01:00", "2026-03-31T08:00:00+02:00",
                    "2026-04-02T08:00:00+02:00", "2026-04-09T08:00:00+02:00"),
            // Saturday after the cut-offs in summer time: ships Monday 26 in winter time; 1 November is a Sunday
            NamedDates.DST_AUTUMN_EVE.name(), List.of("2026-10-24T16:00:00+02:00", "2026-10-27T08:00:00+01:00",
                    "2026-10-29T08:00:00+01:00", "2026-11-04T08:00:00+01:00"),
            // the repeated hour of the night the clocks go back (its first pass, still +02:00)
            NamedDates.DST_AUTUMN.name(), List.of("2026-10-25T02:30:00+02:00", "2026-10-27T08:00:00+01:00",
                    "2026-10-29T08:00:00+01:00", "2026-11-04T08:00:00+01:00"),
            // after the cut-offs on 31 December: 1 January is closed, ships Saturday 2 January 2027
            NamedDates.NEW_YEARS_EVE.name(), List.of("2026-12-31T23:30:00+01:00", "2027-01-04T08:00:00+01:00",
                    "2027-01-06T08:00:00+01:00", "2027-01-12T08:00:00+01:00"));

    /** (named date, its expected receipts) for a parameterized test. */
    public static Stream<Arguments> namedDates() {
        return NamedDates.all().map(d -> Arguments.of(d, EXPECTED.get(d.name())));
    }

}
