package io.glasslink.booking.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A part's name as the customer reads it. Supply chain's catalogue describes parts in English from a fixed vocabulary
 * ("Windscreen Renault Clio (2017-2026), green tint, grey top band"); in French each of its terms is replaced by the
 * trade's French term, and a term it does not know is left as written.
 */
final class PartNames {

    /** Longest terms first, so "green tint, grey top band" is not read as "green tint" then "grey". */
    private static final Map<String, String> FRENCH = new LinkedHashMap<>();

    static {
        FRENCH.put("Front right door glass", "Vitre de porte avant droite");
        FRENCH.put("Front left door glass", "Vitre de porte avant gauche");
        FRENCH.put("Rear right door glass", "Vitre de porte arrière droite");
        FRENCH.put("Rear left door glass", "Vitre de porte arrière gauche");
        FRENCH.put("Rear window", "Lunette arrière");
        FRENCH.put("Windscreen", "Pare-brise");
        FRENCH.put("ADAS camera bracket", "support de caméra ADAS");
        FRENCH.put("camera bracket", "support de caméra");
        FRENCH.put("grey top band", "bandeau supérieur gris");
        FRENCH.put("green tint", "teinte verte");
        FRENCH.put("grey tint", "teinte grise");
        FRENCH.put("rain sensor", "capteur de pluie");
        FRENCH.put("(discontinued)", "(plus fabriqué)");
        FRENCH.put("acoustic", "acoustique");
        FRENCH.put("heated", "chauffant");
        FRENCH.put("clear", "incolore");
    }

    private PartNames() {
    }

    /** {@code description} for {@code locale}: translated for French, as written otherwise. */
    static String of(String description, Locale locale) {
        if (description == null || !"fr".equals(locale.getLanguage())) {
            return description;
        }
        String name = description;
        for (Map.Entry<String, String> term : FRENCH.entrySet()) {
            name = name.replace(term.getKey(), term.getValue());
        }
        return name;
    }
}
