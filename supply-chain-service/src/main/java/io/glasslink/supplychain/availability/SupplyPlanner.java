package io.glasslink.supplychain.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.network.Location;
import io.glasslink.supplychain.network.Network;

/**
 * The ways a part can reach a centre, nearest first: the centre's own stock, a transfer from its
 * depot, from the DC through the depot, or a supplier order delivered to the DC. An order placed
 * after a location's daily cut-off, or on a closed day, ships on the next working day; transit
 * days count working days only; a delivery is received at {@link #RECEIPT_TIME} on the arrival day.
 * A transfer through the depot is cross-docked the day it arrives (deliveries come in before the
 * depot's cut-off).
 */
public final class SupplyPlanner {

    /** When deliveries are received at a centre on their arrival day. */
    public static final LocalTime RECEIPT_TIME = LocalTime.of(8, 0);

    private final Network network;
    private final BusinessCalendar calendar;

    /** A planner over {@code network} and the network's {@code calendar}. */
    public SupplyPlanner(Network network, BusinessCalendar calendar) {
        this.network = network;
        this.calendar = calendar;
    }

    /**
     * Every option for {@code part} at {@code centre} if ordered at {@code now}, nearest first; the
     * supplier option only when the supplier still makes the part.
     */
    public List<SupplyOption> options(Part part, Location centre, Instant now) {
        ZonedDateTime local = now.atZone(BusinessCalendar.ZONE);
        List<SupplyOption> options = new ArrayList<>(4);
        options.add(new SupplyOption(new SupplySource(SourceType.LOCAL_STOCK, centre.id(), 0),
                local.truncatedTo(ChronoUnit.MINUTES)));
        Location depot = network.upstreamOf(centre).orElse(null);
        if (depot == null) {
            return options;
        }
        int toCentre = centre.transitDays();
        LocalDate depotDispatch = dispatchDay(local, depot.cutoff());
        options.add(new SupplyOption(new SupplySource(SourceType.DEPOT_TRANSFER, depot.id(), toCentre),
                receipt(calendar.plusWorkingDays(depotDispatch, toCentre))));
        Location dc = network.upstreamOf(depot).orElse(null);
        if (dc == null) {
            return options;
        }
        int dcToCentre = depot.transitDays() + toCentre;
        LocalDate dcDispatch = dispatchDay(local, dc.cutoff());
        options.add(new SupplyOption(new SupplySource(SourceType.DC_TRANSFER, dc.id(), dcToCentre),
                receipt(calendar.plusWorkingDays(dcDispatch, dcToCentre))));
        part.supplierLeadTime().ifPresent(lead -> options.add(new SupplyOption(
                new SupplySource(SourceType.SUPPLIER, dc.id(), lead + dcToCentre),
                receipt(calendar.plusWorkingDays(dcDispatch, lead + dcToCentre)))));
        return options;
    }

    private LocalDate dispatchDay(ZonedDateTime now, LocalTime cutoff) {
        LocalDate today = now.toLocalDate();
        boolean shipsToday = calendar.isWorkingDay(today) && (cutoff == null || now.toLocalTime().isBefore(cutoff));
        return shipsToday ? today : calendar.nextWorkingDay(today);
    }

    private static ZonedDateTime receipt(LocalDate day) {
        return day.atTime(RECEIPT_TIME).atZone(BusinessCalendar.ZONE);
    }
}
