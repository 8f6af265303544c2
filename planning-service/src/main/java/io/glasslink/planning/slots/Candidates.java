package io.glasslink.planning.slots;

import java.util.List;
import java.util.Set;

import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.Network;
import io.glasslink.planning.network.NotServedException;
import io.glasslink.planning.network.Postcode;
import io.glasslink.planning.workforce.Skill;
import io.glasslink.planning.workforce.Technician;
import io.glasslink.planning.workforce.Workforce;
import org.springframework.stereotype.Component;

/**
 * Who may do a job: in a centre, its technicians without a van; at home, the van technicians of
 * the centre — in both cases only those with the skills the job needs.
 */
@Component
public class Candidates {

    private final Network network;
    private final Workforce workforce;

    Candidates(Network network, Workforce workforce) {
        this.network = network;
        this.workforce = workforce;
    }

    /** The centre, or 422 ({@code not-served}, naming {@code field}) when the network has no such centre. */
    public Centre centre(String centreId, String field) {
        return network.centre(centreId)
                .orElseThrow(() -> new NotServedException(field, "no centre " + centreId + " in the network"));
    }

    /** The van centres serving a home postcode, or 422 when none does. */
    public List<Centre> vanCentres(Postcode postcode) {
        List<Centre> centres = network.vanCentresServing(postcode);
        if (centres.isEmpty()) {
            throw new NotServedException("postcode", postcode.value() + " is not served by any van");
        }
        return centres;
    }

    /** The technicians of {@code centre} able to do the job in this mode. */
    public List<Technician> of(Centre centre, Mode mode, Set<Skill> skills) {
        boolean vans = mode == Mode.HOME;
        return workforce.ofCentre(centre.centreId()).stream()
                .filter(t -> t.hasVan() == vans && t.canDo(skills))
                .toList();
    }
}
