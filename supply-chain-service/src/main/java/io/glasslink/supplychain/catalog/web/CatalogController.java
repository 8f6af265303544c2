package io.glasslink.supplychain.catalog.web;

import java.util.List;

import io.glasslink.supplychain.catalog.Catalog;
import io.glasslink.supplychain.catalog.GlassType;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.catalog.UnknownPartException;
import io.glasslink.supplychain.catalog.VehicleModel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vehicles and the glass parts that fit them. */
@RestController
@RequestMapping("/api/v1")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/vehicles/makes")
    List<String> makes() {
        return catalog.makes();
    }

    @GetMapping("/vehicles/models")
    List<VehicleModel> models(@RequestParam @NotBlank @Size(max = 60) String make) {
        return catalog.models(make);
    }

    @GetMapping("/parts")
    List<PartView> parts(@RequestParam @NotBlank @Size(max = 60) String make,
                         @RequestParam @NotBlank @Size(max = 60) String model,
                         @RequestParam @Min(1950) @Max(2100) int year,
                         @RequestParam(required = false) GlassType glassType) {
        return catalog.partsFor(make, model, year, glassType).stream().map(PartView::of).toList();
    }

    @GetMapping("/parts/{partNumber}")
    PartView part(@PathVariable @Size(max = 20) String partNumber) {
        return catalog.findPart(partNumber).map(PartView::of).orElseThrow(() -> new UnknownPartException(partNumber));
    }

    /** A part as the API shows it. */
    record PartView(String partNumber, GlassType glassType, String description, boolean adasCamera, boolean heated,
                    boolean acoustic, boolean rainSensor) {

        static PartView of(Part p) {
            return new PartView(p.partNumber(), p.glassType(), p.description(), p.adasCamera(), p.heated(),
                    p.acoustic(), p.rainSensor());
        }
    }
}
