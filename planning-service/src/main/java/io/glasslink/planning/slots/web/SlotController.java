package io.glasslink.planning.slots.web;

import java.time.LocalDate;
import java.util.List;

import io.glasslink.planning.network.NotServedException;
import io.glasslink.planning.slots.InvalidSlotQueryException;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.SlotQuery;
import io.glasslink.planning.slots.SlotSearch;
import io.glasslink.planning.slots.SlotSearchResult;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Slot search: by body (several centres or a home postcode) or the one-centre GET form. */
@RestController
@Tag(name = "Slots")
@RequestMapping(path = "/api/v1/slots", produces = MediaType.APPLICATION_JSON_VALUE)
class SlotController {

    private final SlotSearch search;

    SlotController(SlotSearch search) {
        this.search = search;
    }

    @PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "searchSlots", summary = "Search free slots",
            description = "Free start times over a window of at most 31 days, per centre (centreIds, at most 20) or per van "
                    + "centre serving a home postcode, with their capacity; no technician is exposed.")
    SlotSearchResult search(@RequestBody SlotQuery query) {
        return search.search(query);
    }

    @GetMapping
    @Operation(operationId = "searchSlotsOfOneCentre", summary = "Search free slots of one centre",
            description = "The one-centre form of the search, in the query string.")
    SlotSearchResult oneCentre(@RequestParam JobType jobType,
                               @RequestParam(defaultValue = "false") boolean calibration,
                               @RequestParam String centreId,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) Integer minNoticeMinutes,
                               @RequestParam(required = false) Integer stepMinutes,
                               @RequestParam(required = false) Integer limit) {
        try {
            return search.search(new SlotQuery(jobType, calibration, List.of(centreId), null, from, to, null, minNoticeMinutes,
                    stepMinutes, limit));
        } catch (InvalidSlotQueryException e) {
            throw e.renamed("centreIds[0]", "centreId").renamed("centreIds", "centreId");
        } catch (NotServedException e) {
            throw e.renamed("centreIds[0]", "centreId");
        }
    }
}
