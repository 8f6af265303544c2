package io.glasslink.supplychain.availability;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.glasslink.supplychain.catalog.Catalog;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.catalog.UnknownPartException;
import io.glasslink.supplychain.network.Location;
import io.glasslink.supplychain.network.Network;
import io.glasslink.supplychain.network.Postcode;
import io.glasslink.supplychain.network.PostcodeNotServedException;
import io.glasslink.supplychain.network.UnknownCentreException;
import io.glasslink.supplychain.stock.Stock;
import org.springframework.stereotype.Service;

/**
 * Answers "when can this part be at this centre, or at this home?". One stock query answers any
 * number of centres: their own stock, their depots' and the DC's are read together, net of the
 * holds already taken.
 */
@Service
public class AvailabilityService {

    private final Catalog catalog;
    private final Network network;
    private final Stock stock;
    private final SupplyPlanner planner;
    private final Clock clock;
    private final AvailabilitySources sources;

    AvailabilityService(Catalog catalog, Network network, Stock stock, SupplyPlanner planner, Clock clock,
                        AvailabilitySources sources) {
        this.catalog = catalog;
        this.network = network;
        this.stock = stock;
        this.planner = planner;
        this.clock = clock;
        this.sources = sources;
    }

    /** The earliest option at one centre; throws when the part cannot be supplied there. */
    public SupplyOption forCentre(String partNumber, int quantity, String centreId) {
        SupplyOption earliest = earliestAt(partNumber, quantity, List.of(centreId)).get(0).earliest()
                .orElseThrow(() -> new PartUnavailableException(partNumber, quantity, centreId));
        sources.answered(earliest);
        return earliest;
    }

    /** For a home job: the van centre of the postcode's département that gets the part first. */
    public HomeAvailability forHome(String partNumber, int quantity, Postcode postcode) {
        List<Location> centres = network.centresServingHome(postcode);
        if (centres.isEmpty()) {
            throw new PostcodeNotServedException(postcode);
        }
        HomeAvailability earliest = earliestAt(partNumber, quantity, centres.stream().map(Location::id).toList()).stream()
                .filter(c -> c.earliest().isPresent())
                .min(Comparator.comparing((CentreAvailability c) -> c.earliest().get().earliestAvailableAt())
                        .thenComparing(CentreAvailability::centreId))
                .map(c -> new HomeAvailability(c.centreId(), c.earliest().get()))
                .orElseThrow(() -> new PartUnavailableException(partNumber, quantity, "postcode " + postcode.value()));
        sources.answered(earliest.option());
        return earliest;
    }

    /** The earliest option at each centre, in the order asked; unknown centres are rejected. */
    public List<CentreAvailability> forCentres(String partNumber, int quantity, List<String> centreIds) {
        List<CentreAvailability> answers = earliestAt(partNumber, quantity, centreIds);
        answers.forEach(c -> c.earliest().ifPresent(sources::answered));
        return answers;
    }

    private List<CentreAvailability> earliestAt(String partNumber, int quantity, List<String> centreIds) {
        Part part = catalog.findPart(partNumber).orElseThrow(() -> new UnknownPartException(partNumber));
        List<Location> centres = new ArrayList<>(centreIds.size());
        for (int i = 0; i < centreIds.size(); i++) {
            String id = centreIds.get(i);
            int position = centreIds.size() == 1 ? -1 : i;
            centres.add(network.centre(id).orElseThrow(() -> new UnknownCentreException(id, position)));
        }
        Set<String> locationIds = new LinkedHashSet<>();
        locationIds.add(network.dc().id());
        for (Location centre : centres) {
            locationIds.add(centre.id());
            network.upstreamOf(centre).ifPresent(depot -> locationIds.add(depot.id()));
        }
        Map<String, Integer> available = stock.available(partNumber, locationIds);
        Instant now = clock.instant();
        List<CentreAvailability> result = new ArrayList<>(centres.size());
        for (Location centre : centres) {
            Optional<SupplyOption> earliest = planner.options(part, centre, now).stream()
                    .filter(o -> !o.source().fromStock()
                            || available.getOrDefault(o.source().locationId(), 0) >= quantity)
                    .findFirst();
            result.add(new CentreAvailability(centre.id(), earliest));
        }
        return result;
    }
}
