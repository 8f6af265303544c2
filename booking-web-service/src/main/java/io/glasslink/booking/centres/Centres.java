package io.glasslink.booking.centres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 450 centres of the network, read once from the reference CSV. The reference data has no
 * postcode coordinates: a postcode is located at the centre with that postcode if there is one,
 * otherwise at the département's main centre (its first, in the préfecture).
 */
public final class Centres {

    /** How many nearest centres are kept per origin centre (the search asks for 5). */
    static final int NEAR_KEPT = 20;

    private final List<Centre> all;
    private final Map<String, Centre> byId;
    private final Map<String, List<Centre>> byDepartement;
    private final Map<String, List<Nearby>> nearest = new ConcurrentHashMap<>();

    public Centres(List<Centre> centres) {
        this.all = List.copyOf(centres);
        this.byId = all.stream().collect(Collectors.toMap(Centre::id, Function.identity()));
        this.byDepartement = all.stream().collect(Collectors.groupingBy(Centre::departement));
    }

    /** Reads the reference CSV ({@code centre_id,name,postcode,city,departement,latitude,longitude,vans}). */
    public static Centres fromCsv(InputStream csv) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            List<Centre> centres = new ArrayList<>();
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                centres.add(new Centre(f[0], f[1], f[2], f[3], f[4],
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]), Integer.parseInt(f[7])));
            }
            return new Centres(centres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A centre by id. */
    public Optional<Centre> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The centres closest to a postcode, nearest first. The first {@value #NEAR_KEPT} of each origin centre are
     * kept once computed: the reference network is read once at start and never changes while the service runs
     * (a new centres.csv comes with a new deployment), so nothing needs invalidating; at most one list per centre.
     */
    public List<Nearby> near(Postcode postcode, int limit) {
        List<Centre> local = served(postcode);
        Centre origin = local.stream().filter(c -> c.postcode().equals(postcode.value())).findFirst()
                .orElse(local.get(0));
        if (limit <= NEAR_KEPT) {
            List<Nearby> kept = nearest.computeIfAbsent(origin.id(), id -> nearest(origin, NEAR_KEPT));
            return kept.size() <= limit ? kept : kept.subList(0, limit);
        }
        return nearest(origin, limit);
    }

    private List<Nearby> nearest(Centre origin, int limit) {
        double lat = origin.latitude();
        double lon = origin.longitude();
        return all.stream()
                .map(c -> new Nearby(c, Math.round(c.distanceKm(lat, lon) * 10) / 10.0))
                .sorted(Comparator.comparingDouble(Nearby::distanceKm))
                .limit(limit)
                .toList();
    }

    /** The centres whose vans serve home jobs at a postcode: those of its département with vans. */
    public List<Centre> vanCentresFor(Postcode postcode) {
        return served(postcode).stream().filter(c -> c.vans() > 0).toList();
    }

    private List<Centre> served(Postcode postcode) {
        List<Centre> local = byDepartement.get(postcode.departement());
        if (local == null || local.isEmpty()) {
            throw new PostcodeNotServedException(postcode);
        }
        return local;
    }

    /** A centre and its distance from the searched postcode. */
    public record Nearby(Centre centre, double distanceKm) {
    }
}
