package io.glasslink.supplychain.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.glasslink.supplychain.catalog.GlassType;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.network.Location;
import io.glasslink.supplychain.network.LocationType;

/**
 * Generates a realistic network and catalogue from the reference list of centres, always the
 * same for the same seed: the DC, 20 regional depots (each centre supplied by its nearest), 300
 * vehicle model generations, about 2,000 Eurocode-style parts fitting them, and stock spread by
 * popularity (common parts at every centre, rare ones at the DC only, a few discontinued).
 */
public final class ReferenceDataGenerator {

    /** The fixed seed of the reference data set. */
    public static final long SEED = 20_261_128L;

    static final LocalTime DC_CUTOFF = LocalTime.of(12, 0);
    static final LocalTime DEPOT_CUTOFF = LocalTime.of(15, 0);

    private static final String[][] DEPOTS = {
            {"D01", "Lille", "59", "50.63", "3.06"}, {"D02", "Rouen", "76", "49.44", "1.10"},
            {"D03", "Caen", "14", "49.18", "-0.37"}, {"D04", "Rennes", "35", "48.11", "-1.68"},
            {"D05", "Nantes", "44", "47.22", "-1.55"}, {"D06", "Tours", "37", "47.39", "0.69"},
            {"D07", "Gennevilliers", "92", "48.93", "2.30"}, {"D08", "Reims", "51", "49.26", "4.03"},
            {"D09", "Metz", "57", "49.12", "6.18"}, {"D10", "Strasbourg", "67", "48.57", "7.75"},
            {"D11", "Dijon", "21", "47.32", "5.04"}, {"D12", "Lyon", "69", "45.76", "4.84"},
            {"D13", "Grenoble", "38", "45.19", "5.72"}, {"D14", "Clermont-Ferrand", "63", "45.78", "3.09"},
            {"D15", "Limoges", "87", "45.83", "1.26"}, {"D16", "Bordeaux", "33", "44.84", "-0.58"},
            {"D17", "Toulouse", "31", "43.60", "1.44"}, {"D18", "Montpellier", "34", "43.61", "3.88"},
            {"D19", "Marseille", "13", "43.30", "5.37"}, {"D20", "Nice", "06", "43.70", "7.27"}};

    private static final String[] MAKES = {
            "Audi:A1,A3,A4,A6,Q2,Q3,Q5", "BMW:Serie 1,Serie 2,Serie 3,Serie 5,X1,X3,X5", "Citroen:C1,C3,C4,C5 Aircross,Berlingo,Jumpy,Jumper",
            "Dacia:Sandero,Duster,Logan,Lodgy,Jogger,Spring", "Fiat:500,500X,Panda,Tipo,Ducato,Doblo", "Ford:Fiesta,Focus,Kuga,Puma,Transit,Ranger",
            "Hyundai:i10,i20,i30,Bayon,Tucson,Kona", "Kia:Picanto,Rio,Ceed,XCeed,Stonic,Sportage,Niro", "Mercedes-Benz:Classe A,Classe C,GLA,Sprinter,Vito,Classe E",
            "Nissan:Micra,Juke,Qashqai,X-Trail,Leaf,Navara", "Opel:Corsa,Astra,Mokka,Crossland,Grandland,Zafira,Vivaro,Movano", "Peugeot:108,208,308,2008,3008,5008,Partner,Expert,Boxer",
            "Renault:Twingo,Clio,Megane,Captur,Scenic,Kadjar,Kangoo,Trafic,Master,Zoe", "Seat:Ibiza,Leon,Arona,Ateca,Tarraco,Alhambra",
            "Skoda:Fabia,Scala,Octavia,Superb,Kamiq,Karoq,Kodiaq", "Toyota:Aygo,Yaris,Corolla,C-HR,RAV4,Proace,Hilux", "Volkswagen:Up,Polo,Golf,T-Roc,Tiguan,Passat,Touran,Caddy,Transporter",
            "Volvo:V40,V60,XC40,XC60,XC90", "Tesla:Model 3,Model S,Model Y", "Mini:Hatch,Clubman,Countryman", "DS:DS 3,DS 4,DS 7", "Suzuki:Swift,Vitara,Ignis,S-Cross,Jimny",
            "Mazda:Mazda2,Mazda3,CX-30,CX-5", "Jeep:Renegade,Compass,Wrangler", "Alfa Romeo:Giulietta,Stelvio", "Land Rover:Range Rover Evoque,Discovery Sport"};

    private static final String[] TINTS = {"GN", "GY", "GT", "CC"};

    /** A service centre from the reference list. */
    public record Centre(String id, String name, String postcode, String city, String departement, double latitude,
                         double longitude, int vans) {
    }

    /** One generation of a vehicle model, with its numeric id. */
    public record VehicleModelRow(int id, String make, String model, int yearFrom, int yearTo) {
    }

    /** A part fits a vehicle model generation. */
    public record Fitment(int modelId, String partNumber) {
    }

    /** Initial stock on hand of a part at a location. */
    public record StockRow(String partNumber, String locationId, int onHand) {
    }

    /** Everything generated. */
    public record Dataset(List<Location> locations, List<VehicleModelRow> models, List<Part> parts,
                          List<Fitment> fitments, List<StockRow> stock) {
    }

    private ReferenceDataGenerator() {
    }

    /** Reads the reference centres CSV ({@code centre_id,name,postcode,city,departement,latitude,longitude,vans}). */
    public static List<Centre> readCentres(Reader csv) throws IOException {
        List<Centre> centres = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(csv)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                centres.add(new Centre(f[0], f[1], f[2], f[3], f[4], Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                        Integer.parseInt(f[7])));
            }
        }
        return centres;
    }

    /** The reference data set for these centres, with {@link #SEED}. */
    public static Dataset generate(List<Centre> centres) {
        return generate(centres, SEED);
    }

    /** The data set for these centres and seed: the same inputs always give the same output. */
    public static Dataset generate(List<Centre> centres, long seed) {
        Random random = new Random(seed);
        List<Location> locations = network(centres);
        List<VehicleModelRow> models = vehicleModels(random);
        List<Part> parts = new ArrayList<>();
        List<Fitment> fitments = new ArrayList<>();
        Map<String, Double> popularity = new LinkedHashMap<>();
        catalogue(models, random, parts, fitments, popularity);
        List<StockRow> stock = stock(locations, parts, popularity, random);
        return new Dataset(locations, models, parts, fitments, stock);
    }

    private static List<Location> network(List<Centre> centres) {
        List<Location> locations = new ArrayList<>();
        Location dc = new Location("DC", LocationType.DC, "Distribution centre Saran", "45770", "45", 47.95, 1.88, 0,
                null, 0, DC_CUTOFF);
        locations.add(dc);
        List<Location> depots = new ArrayList<>();
        for (String[] d : DEPOTS) {
            double lat = Double.parseDouble(d[3]);
            double lon = Double.parseDouble(d[4]);
            int transit = distanceKm(dc.latitude(), dc.longitude(), lat, lon) < 350 ? 1 : 2;
            depots.add(new Location(d[0], LocationType.DEPOT, "Depot " + d[1], null, d[2], lat, lon, 0, dc.id(),
                    transit, DEPOT_CUTOFF));
        }
        locations.addAll(depots);
        for (Centre c : centres) {
            Location depot = depots.stream()
                    .min(Comparator.comparingDouble(d -> distanceKm(d.latitude(), d.longitude(), c.latitude(), c.longitude())))
                    .orElseThrow();
            boolean overSea = "20".equals(c.departement());
            int transit = overSea || distanceKm(depot.latitude(), depot.longitude(), c.latitude(), c.longitude()) > 250 ? 2 : 1;
            locations.add(new Location(c.id(), LocationType.CENTRE, c.name(), c.postcode(), c.departement(), c.latitude(),
                    c.longitude(), c.vans(), depot.id(), transit, null));
        }
        return locations;
    }

    private static List<VehicleModelRow> vehicleModels(Random random) {
        List<VehicleModelRow> models = new ArrayList<>();
        int id = 1;
        for (String entry : MAKES) {
            String make = entry.substring(0, entry.indexOf(':'));
            for (String model : entry.substring(entry.indexOf(':') + 1).split(",")) {
                int split = 2012 + random.nextInt(8);
                models.add(new VehicleModelRow(id++, make, model, split - 6 - random.nextInt(3), split - 1));
                models.add(new VehicleModelRow(id++, make, model, split, 2026));
            }
        }
        return models;
    }

    private static void catalogue(List<VehicleModelRow> models, Random random, List<Part> parts, List<Fitment> fitments,
                                  Map<String, Double> popularity) {
        List<Integer> codes = new ArrayList<>();
        for (int c = 1000; c <= 9999; c++) {
            codes.add(c);
        }
        Collections.shuffle(codes, random);
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ranks.add(i);
        }
        Collections.shuffle(ranks, random);
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            VehicleModelRow m = models.get(i);
            String code = String.format("%04d", codes.get(i));
            double modelWeight = 1.0 / Math.pow(ranks.get(i) + 1, 0.8) * (m.yearTo() == 2026 ? 1.5 : 1.0);
            String vehicle = m.make() + " " + m.model() + " (" + m.yearFrom() + "-" + m.yearTo() + ")";
            String tint = TINTS[random.nextInt(TINTS.length)];
            boolean modern = m.yearFrom() >= 2014;
            // windscreens: the variants a generation was sold with, ADAS cameras on recent ones
            add(parts, fitments, popularity, numbers, m, code, 'A', tint, GlassType.WINDSCREEN, vehicle,
                    false, false, false, false, 0.45 * modelWeight, random);
            add(parts, fitments, popularity, numbers, m, code, 'A', tint, GlassType.WINDSCREEN, vehicle,
                    false, false, false, true, 0.30 * modelWeight, random);
            if (modern) {
                add(parts, fitments, popularity, numbers, m, code, 'A', tint, GlassType.WINDSCREEN, vehicle,
                        true, false, false, true, 0.20 * modelWeight, random);
            }
            if (modern && random.nextBoolean()) {
                add(parts, fitments, popularity, numbers, m, code, 'A', tint, GlassType.WINDSCREEN, vehicle,
                        true, true, true, true, 0.05 * modelWeight, random);
            }
            add(parts, fitments, popularity, numbers, m, code, 'B', tint, GlassType.REAR_WINDOW, vehicle,
                    false, true, false, false, 0.08 * modelWeight, random);
            add(parts, fitments, popularity, numbers, m, code, 'L', tint, GlassType.SIDE_WINDOW, vehicle,
                    false, false, false, false, 0.05 * modelWeight, random);
            add(parts, fitments, popularity, numbers, m, code, 'R', tint, GlassType.SIDE_WINDOW, vehicle,
                    false, false, false, false, 0.05 * modelWeight, random);
            if (random.nextBoolean()) {
                // five-door bodies: rear door glasses too
                add(parts, fitments, popularity, numbers, m, code, 'l', tint, GlassType.SIDE_WINDOW, vehicle,
                        false, false, false, false, 0.02 * modelWeight, random);
                add(parts, fitments, popularity, numbers, m, code, 'r', tint, GlassType.SIDE_WINDOW, vehicle,
                        false, false, false, false, 0.02 * modelWeight, random);
            }
        }
    }

    private static void add(List<Part> parts, List<Fitment> fitments, Map<String, Double> popularity, Set<String> numbers,
                            VehicleModelRow model, String code, char type, String tint, GlassType glassType,
                            String vehicle, boolean camera, boolean heated, boolean acoustic, boolean rain,
                            double weight, Random random) {
        StringBuilder attrs = new StringBuilder();
        if (glassType == GlassType.WINDSCREEN) {
            attrs.append(rain ? 'R' : 'M').append(camera ? "C" : "").append(heated ? "H" : "").append(acoustic ? "A" : "");
        } else if (glassType == GlassType.SIDE_WINDOW) {
            attrs.append(Character.isLowerCase(type) ? "RD" : "FD");
        } else {
            attrs.append(heated ? "H" : "").append('W');
        }
        String base = code + Character.toUpperCase(type) + tint + attrs + "V1";
        String number = base + "B";
        for (char v = 'C'; !numbers.add(number); v++) {
            number = base + v;
        }
        List<String> features = new ArrayList<>();
        features.add(switch (tint) {
            case "GN" -> "green tint";
            case "GY" -> "grey tint";
            case "GT" -> "green tint, grey top band";
            default -> "clear";
        });
        if (rain) {
            features.add("rain sensor");
        }
        if (camera) {
            features.add("ADAS camera bracket");
        }
        if (heated) {
            features.add("heated");
        }
        if (acoustic) {
            features.add("acoustic");
        }
        String label = switch (type) {
            case 'A' -> "Windscreen";
            case 'B' -> "Rear window";
            case 'L' -> "Front left door glass";
            case 'R' -> "Front right door glass";
            case 'l' -> "Rear left door glass";
            default -> "Rear right door glass";
        };
        Integer lead = 2 + random.nextInt(7);
        parts.add(new Part(number, glassType, label + " " + vehicle + ", " + String.join(", ", features), camera, heated,
                acoustic, rain, lead));
        fitments.add(new Fitment(model.id(), number));
        popularity.put(number, weight);
    }

    private static List<StockRow> stock(List<Location> locations, List<Part> parts, Map<String, Double> popularity,
                                        Random random) {
        List<String> centres = locations.stream().filter(l -> l.type() == LocationType.CENTRE).map(Location::id).toList();
        List<String> depots = locations.stream().filter(l -> l.type() == LocationType.DEPOT).map(Location::id).toList();
        List<Part> byPopularity = new ArrayList<>(parts);
        byPopularity.sort(Comparator.comparingDouble((Part p) -> popularity.get(p.partNumber())).reversed()
                .thenComparing(Part::partNumber));
        List<StockRow> stock = new ArrayList<>();
        int n = byPopularity.size();
        for (int rank = 0; rank < n; rank++) {
            Part part = byPopularity.get(rank);
            String p = part.partNumber();
            double tier = (double) rank / n;
            if (tier < 0.08) {
                // common: at (almost) every centre and depot, plenty at the DC
                for (String c : centres) {
                    if (random.nextInt(100) < 85) {
                        stock.add(new StockRow(p, c, 1 + random.nextInt(3)));
                    }
                }
                depots.forEach(d -> stock.add(new StockRow(p, d, 8 + random.nextInt(23))));
                stock.add(new StockRow(p, "DC", 40 + random.nextInt(111)));
            } else if (tier < 0.35) {
                // regular: a quarter of the centres, every depot, the DC
                for (String c : centres) {
                    if (random.nextInt(100) < 25) {
                        stock.add(new StockRow(p, c, 1 + random.nextInt(2)));
                    }
                }
                depots.forEach(d -> stock.add(new StockRow(p, d, 2 + random.nextInt(9))));
                stock.add(new StockRow(p, "DC", 10 + random.nextInt(51)));
            } else if (tier < 0.80) {
                // slow movers: a few depots and the DC
                List<String> some = new ArrayList<>(depots);
                Collections.shuffle(some, random);
                some.subList(0, 6).forEach(d -> stock.add(new StockRow(p, d, 1 + random.nextInt(4))));
                stock.add(new StockRow(p, "DC", 2 + random.nextInt(19)));
            } else if (random.nextBoolean()) {
                // rare: at the DC only, or nowhere (then from the supplier)
                stock.add(new StockRow(p, "DC", 1 + random.nextInt(3)));
            }
        }
        // a few rare parts are discontinued: only what is left in the network can serve them
        for (int rank = n - 1; rank >= n - n / 40; rank--) {
            Part rare = byPopularity.get(rank);
            int index = parts.indexOf(rare);
            parts.set(index, new Part(rare.partNumber(), rare.glassType(), rare.description() + " (discontinued)",
                    rare.adasCamera(), rare.heated(), rare.acoustic(), rare.rainSensor(), null));
        }
        return stock;
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.asin(Math.sqrt(a));
    }
}
