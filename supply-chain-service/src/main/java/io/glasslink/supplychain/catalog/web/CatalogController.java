package io.glasslink.supplychain.catalog.web;

import java.util.List;

import io.glasslink.supplychain.catalog.Catalog;
import io.glasslink.supplychain.catalog.GlassType;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.catalog.UnknownPartException;
import io.glasslink.supplychain.catalog.VehicleModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vehicles and the glass parts that fit them. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "catalogue")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/vehicles/makes")
    @Operation(operationId = "listMakes", summary = "Every vehicle make, alphabetically")
    @ApiResponse(responseCode = "200", description = "the makes",
            content = @Content(array = @ArraySchema(schema = @Schema(example = "Renault"))))
    List<String> makes() {
        return catalog.makes();
    }

    @GetMapping("/vehicles/models")
    @Operation(operationId = "listModels", summary = "The model generations of a make")
    @ApiResponse(responseCode = "200", description = "the generations, by model then first year (none: an empty list)")
    List<VehicleModel> models(@RequestParam @NotBlank @Size(max = 60) @Parameter(example = "Renault") String make) {
        return catalog.models(make);
    }

    @GetMapping("/parts")
    @Operation(operationId = "findParts", summary = "The glass parts that fit a vehicle")
    @ApiResponse(responseCode = "200", description = "the parts, by part number (none: an empty list)")
    List<PartView> parts(@RequestParam @NotBlank @Size(max = 60) @Parameter(example = "Renault") String make,
                         @RequestParam @NotBlank @Size(max = 60) @Parameter(example = "Clio") String model,
                         @RequestParam @Min(1950) @Max(2100) @Parameter(example = "2021") int year,
                         @RequestParam(required = false) @Parameter(example = "WINDSCREEN") GlassType glassType) {
        return catalog.partsFor(make, model, year, glassType).stream().map(PartView::of).toList();
    }

    @GetMapping("/parts/{partNumber}")
    @Operation(operationId = "getPart", summary = "One part by its number")
    @ApiResponse(responseCode = "200", description = "the part")
    @ApiResponse(responseCode = "404", description = "no such part (not-found)")
    PartView part(@PathVariable @Size(max = 20) @Parameter(example = "2043AGNMVZ") String partNumber) {
        return catalog.findPart(partNumber).map(PartView::of).orElseThrow(() -> new UnknownPartException(partNumber));
    }

    /** A part as the API shows it. */
    record PartView(@Schema(example = "2043AGNMVZ") String partNumber, GlassType glassType,
                    @Schema(example = "Windscreen Renault Clio (2019-2026), green tint, camera bracket") String description,
                    @Schema(description = "calibration is needed after fitting") boolean adasCamera, boolean heated,
                    boolean acoustic, boolean rainSensor) {

        static PartView of(Part p) {
            return new PartView(p.partNumber(), p.glassType(), p.description(), p.adasCamera(), p.heated(),
                    p.acoustic(), p.rainSensor());
        }
    }
}
