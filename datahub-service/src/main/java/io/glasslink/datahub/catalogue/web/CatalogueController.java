package io.glasslink.datahub.catalogue.web;

import java.util.List;

import io.glasslink.datahub.catalogue.Dataset;
import io.glasslink.datahub.catalogue.LakeCatalogue;
import io.glasslink.datahub.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/lake}: what has landed in the data lake. */
@RestController
@RequestMapping(path = "/api/v1/lake", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfiguration.LAKE)
@SecurityRequirements // open: no credentials (see security/OpsSecurity)
class CatalogueController {

    static final int MAX_NAME_LENGTH = 64;

    private static final String DATASET_EXAMPLE = """
            {"domain":"planning","eventType":"SlotHeld.v1","location":"s3://glasslink-lake/raw/planning/SlotHeld.v1/",
             "objects":2,"records":1250,"bytes":181422,"lastLanded":"2026-12-09T10:00:31+01:00",
             "partitions":[{"dt":"2026-12-09","hr":"08","location":"s3://glasslink-lake/raw/planning/SlotHeld.v1/dt=2026-12-09/hr=08/",
             "objects":2,"records":1250,"bytes":181422,"lastLanded":"2026-12-09T10:00:31+01:00"}]}""";

    private final LakeCatalogue catalogue;

    CatalogueController(LakeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/datasets")
    @Operation(operationId = "listDatasets", summary = "Every dataset of the lake",
            description = "Every event type and version that has landed, sorted by domain and event type, each with its "
                    + "event-time partitions (UTC date and hour) and their object, record and byte counts.")
    @ApiResponse(responseCode = "200", description = "The datasets (an empty list when nothing has landed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = Dataset.class)),
                    examples = @ExampleObject(name = "one dataset", value = "[" + DATASET_EXAMPLE + "]")))
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.R400)
    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406)
    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500)
    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503)
    List<Dataset> datasets() {
        return catalogue.datasets();
    }

    @GetMapping("/datasets/{domain}/{eventType}")
    @Operation(operationId = "getDataset", summary = "One dataset",
            description = "One event type and version, e.g. `supplychain/StockLevelChanged.v1`, with its partitions.")
    @ApiResponse(responseCode = "200", description = "The dataset",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Dataset.class),
                    examples = @ExampleObject(name = "a dataset", value = DATASET_EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = OpenApiConfiguration.R400)
    @ApiResponse(responseCode = "404", ref = OpenApiConfiguration.R404)
    @ApiResponse(responseCode = "406", ref = OpenApiConfiguration.R406)
    @ApiResponse(responseCode = "500", ref = OpenApiConfiguration.R500)
    @ApiResponse(responseCode = "503", ref = OpenApiConfiguration.R503)
    Dataset dataset(@Parameter(description = "The event's domain", example = "planning")
                    @PathVariable @Size(max = MAX_NAME_LENGTH) @Pattern(regexp = "[a-z][a-z0-9]*", message = "must be a lower-case domain name") String domain,
                    @Parameter(description = "The event name and version", example = "SlotHeld.v1")
                    @PathVariable @Size(max = MAX_NAME_LENGTH) @Pattern(regexp = "[A-Z][A-Za-z0-9]*\\.v[0-9]+", message = "must look like EventName.v1") String eventType) {
        return catalogue.dataset(domain, eventType).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "nothing has landed for " + domain + "/" + eventType));
    }
}
