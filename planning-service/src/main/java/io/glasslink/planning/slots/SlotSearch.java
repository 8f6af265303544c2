package io.glasslink.planning.slots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import io.glasslink.planning.FieldProblem;
import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.NotServedException;
import io.glasslink.planning.network.Postcode;
import io.glasslink.planning.workforce.Skill;
import io.glasslink.planning.workforce.Technician;
import org.springframework.stereotype.Service;

/** Answers "when can this job be done here?" with free start times and their capacity. */
@Service
public class SlotSearch {

    /** The largest {@code limit} (slots per centre) a query may ask for. */
    static final int MAX_LIMIT = 1000;

    /** The longest centre id accepted (ids are {@code C001}..{@code C450}). */
    public static final int MAX_ID_LENGTH = 16;

    private final Candidates candidates;
    private final TechnicianFreeTime freeTime;
    private final PlanningProperties properties;
    private final Clock clock;

    SlotSearch(Candidates candidates, TechnicianFreeTime freeTime, PlanningProperties properties, Clock clock) {
        this.candidates = candidates;
        this.freeTime = freeTime;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Free start times per centre over the query's window; 400 for bad input, 422 for unknown
     * places. One statement (no transaction needed): the busy time of every candidate technician.
     */
    public SlotSearchResult search(SlotQuery query) {
        validate(query);
        Mode mode = query.postcode() != null ? Mode.HOME : Mode.CENTRE;
        List<Centre> centres = mode == Mode.HOME
                ? candidates.vanCentres(postcode(query.postcode()))
                : centres(query.centreIds());
        Set<Skill> skills = query.jobType().requiredSkills(query.withCalibration());
        Duration duration = query.jobType().duration(query.withCalibration());

        Map<Centre, List<Technician>> teams = new LinkedHashMap<>();
        List<Technician> everyone = new ArrayList<>();
        Map<String, Centre> centreOf = new LinkedHashMap<>();
        for (Centre c : centres) {
            List<Technician> team = candidates.of(c, mode, skills);
            teams.put(c, team);
            everyone.addAll(team);
            team.forEach(t -> centreOf.put(t.technicianId(), c));
        }
        Instant from = query.from().atStartOfDay(PlanningTime.ZONE).toInstant();
        Instant to = query.to().plusDays(1).atStartOfDay(PlanningTime.ZONE).toInstant();
        Map<String, List<Interval>> free = freeTime.free(everyone, mode,
                t -> mode == Mode.CENTRE ? centreOf.get(t.technicianId()) : null, from, to, clock.instant(), null)
                .byTechnician();

        Instant earliest = earliest(query);
        Duration step = query.stepMinutes() == null ? properties.search().step() : Duration.ofMinutes(query.stepMinutes());
        int limit = query.limit() == null ? Integer.MAX_VALUE : query.limit();
        List<SlotSearchResult.CentreSlots> results = new ArrayList<>();
        teams.forEach((centre, team) -> {
            // every technician's start times, sorted: equal neighbours add up to the capacity
            Starts starts = new Starts(duration);
            for (Technician t : team) {
                starts.technician(limit);
                FreeTime.startSeconds(free.getOrDefault(t.technicianId(), List.of()), earliest, duration, step, starts);
            }
            results.add(new SlotSearchResult.CentreSlots(centre.centreId(), mode, starts.slots(limit)));
        });
        return new SlotSearchResult(PlanningTime.ZONE.getId(), duration.toMinutes(), results);
    }

    /**
     * Start times (epoch seconds) of several technicians, counted into slots with their capacity.
     * A slot whose start or end falls in the hour the clocks repeat in October is not offered: its
     * wall-clock time would name two moments. With a limit of n slots, a technician's starts after
     * its own n-th are dropped as they come: its n distinct earlier starts already put the centre's
     * n-th slot no later than that, so they could neither be among the first n slots nor add to
     * their capacity.
     */
    private static final class Starts implements LongConsumer {

        private final long durationSeconds;
        private final PlanningTime.Offsets paris = new PlanningTime.Offsets();
        private long[] seconds = new long[256];
        private int size;
        private int leftOfTechnician = Integer.MAX_VALUE;

        Starts(Duration duration) {
            this.durationSeconds = duration.toSeconds();
        }

        /** The starts that follow are the next technician's, at most {@code limit} of them kept. */
        void technician(int limit) {
            leftOfTechnician = limit;
        }

        @Override
        public void accept(long second) {
            if (leftOfTechnician <= 0 || paris.doubled(second) || paris.doubled(second + durationSeconds)) {
                return;
            }
            leftOfTechnician--;
            if (size == seconds.length) {
                seconds = Arrays.copyOf(seconds, size * 2);
            }
            seconds[size++] = second;
        }

        /** The earliest {@code limit} slots. */
        List<SlotSearchResult.Slot> slots(int limit) {
            Arrays.sort(seconds, 0, size);
            List<SlotSearchResult.Slot> slots = new ArrayList<>();
            for (int i = 0; i < size && slots.size() < limit; ) {
                int j = i;
                while (j < size && seconds[j] == seconds[i]) {
                    j++;
                }
                slots.add(new SlotSearchResult.Slot(paris.at(seconds[i]), paris.at(seconds[i] + durationSeconds), j - i));
                i = j;
            }
            return slots;
        }
    }

    private Instant earliest(SlotQuery query) {
        Duration notice = query.minNoticeMinutes() == null
                ? properties.search().defaultMinNotice() : Duration.ofMinutes(query.minNoticeMinutes());
        Instant earliest = clock.instant().plus(notice);
        if (query.notBefore() != null && query.notBefore().toInstant().isAfter(earliest)) {
            earliest = query.notBefore().toInstant();
        }
        return earliest;
    }

    private List<Centre> centres(List<String> ids) {
        List<Centre> centres = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Centre c = candidates.centre(ids.get(i), "centreIds[" + i + "]");
            if (!centres.contains(c)) {
                centres.add(c);
            }
        }
        return centres;
    }

    private static Postcode postcode(String value) {
        if (value.startsWith("97") || value.startsWith("98")) {
            throw new NotServedException("postcode", value + " is overseas: not served");
        }
        return new Postcode(value);
    }

    private void validate(SlotQuery q) {
        List<FieldProblem> problems = new ArrayList<>();
        if (q.jobType() == null) {
            problems.add(new FieldProblem("jobType", "is required"));
        }
        boolean hasCentres = q.centreIds() != null && !q.centreIds().isEmpty();
        boolean hasPostcode = q.postcode() != null;
        if (hasCentres == hasPostcode) {
            problems.add(new FieldProblem("centreIds", "give either centreIds or postcode, not both"));
        }
        if (hasCentres && q.centreIds().size() > properties.search().maxCentres()) {
            problems.add(new FieldProblem("centreIds", "at most " + properties.search().maxCentres() + " centres"));
        }
        for (int i = 0; hasCentres && i < q.centreIds().size(); i++) {
            String id = q.centreIds().get(i);
            if (id == null || id.isEmpty()) {
                problems.add(new FieldProblem("centreIds[" + i + "]", "is required"));
            } else if (id.length() > MAX_ID_LENGTH) {
                problems.add(new FieldProblem("centreIds[" + i + "]", "is at most " + MAX_ID_LENGTH + " characters"));
            }
        }
        if (hasPostcode && !Postcode.isWellFormed(q.postcode())) {
            problems.add(new FieldProblem("postcode", "must be five digits"));
        }
        if (q.from() == null) {
            problems.add(new FieldProblem("from", "is required"));
        }
        if (q.to() == null) {
            problems.add(new FieldProblem("to", "is required"));
        }
        if (q.from() != null && q.to() != null) {
            if (q.to().isBefore(q.from())) {
                problems.add(new FieldProblem("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(q.from(), q.to()) + 1 > properties.search().maxDays()) {
                problems.add(new FieldProblem("to", "the window is at most " + properties.search().maxDays() + " days"));
            }
            LocalDate today = LocalDate.now(clock.withZone(PlanningTime.ZONE));
            if (q.to().isBefore(today)) {
                problems.add(new FieldProblem("to", "must not be in the past"));
            }
        }
        if (q.minNoticeMinutes() != null && (q.minNoticeMinutes() < 0 || q.minNoticeMinutes() > 7 * 24 * 60)) {
            problems.add(new FieldProblem("minNoticeMinutes", "must be between 0 and 10080"));
        }
        long step = properties.search().step().toMinutes();
        if (q.stepMinutes() != null && (q.stepMinutes() < step || q.stepMinutes() > 240 || q.stepMinutes() % step != 0)) {
            problems.add(new FieldProblem("stepMinutes", "must be a multiple of " + step + " between " + step + " and 240"));
        }
        if (q.limit() != null && (q.limit() < 1 || q.limit() > MAX_LIMIT)) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSlotQueryException(problems);
        }
    }
}
