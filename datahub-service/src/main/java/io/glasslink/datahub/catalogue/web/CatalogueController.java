package io.glasslink.datahub.catalogue.web;

import java.util.List;

import io.glasslink.datahub.catalogue.Dataset;
import io.glasslink.datahub.catalogue.LakeCatalogue;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/lake}: what has landed in the data lake. */
@RestController
@RequestMapping("/api/v1/lake")
class CatalogueController {

    private final LakeCatalogue catalogue;

    CatalogueController(LakeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/datasets")
    List<Dataset> datasets() {
        return catalogue.datasets();
    }

    @GetMapping("/datasets/{domain}/{eventType}")
    Dataset dataset(@PathVariable @Pattern(regexp = "[a-z][a-z0-9]*", message = "must be a lower-case domain name") String domain,
                    @PathVariable @Pattern(regexp = "[A-Z][A-Za-z0-9]*\\.v[0-9]+", message = "must look like EventName.v1") String eventType) {
        return catalogue.dataset(domain, eventType).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "nothing has landed for " + domain + "/" + eventType));
    }
}
