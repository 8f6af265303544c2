package io.glasslink.planning.slots.web;

import java.time.LocalDate;
import java.util.List;

import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.SlotQuery;
import io.glasslink.planning.slots.SlotSearch;
import io.glasslink.planning.slots.SlotSearchResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Slot search: by body (several centres or a home postcode) or the one-centre GET form. */
@RestController
@RequestMapping("/api/v1/slots")
class SlotController {

    private final SlotSearch search;

    SlotController(SlotSearch search) {
        this.search = search;
    }

    @PostMapping("/search")
    SlotSearchResult search(@RequestBody SlotQuery query) {
        return search.search(query);
    }

    @GetMapping
    SlotSearchResult oneCentre(@RequestParam JobType jobType,
                               @RequestParam(defaultValue = "false") boolean calibration,
                               @RequestParam String centreId,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) Integer minNoticeMinutes,
                               @RequestParam(required = false) Integer stepMinutes,
                               @RequestParam(required = false) Integer limit) {
        return search.search(new SlotQuery(jobType, calibration, List.of(centreId), null, from, to, null, minNoticeMinutes,
                stepMinutes, limit));
    }
}
