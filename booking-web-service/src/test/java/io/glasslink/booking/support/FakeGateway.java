package io.glasslink.booking.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.glasslink.booking.availability.NetworkCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for the gateway's hybrid routes and the two on-prem services
 * behind them, with scripted answers and failure injection (link down, slot/part refused, delay).
 * It keeps holds and appointments by idempotency key like the real services do, and offers slots at 09:00 and 14:00
 * on the {@value #SLOT_DAYS} first working weekdays from three days after its clock's day ({@link #slotDay}). The
 * platform end-to-end test covers the real services.
 */
public final class FakeGateway implements AutoCloseable {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** How many days have slots. */
    public static final int SLOT_DAYS = 3;

    private final HttpServer server;
    private final Clock clock;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean refuseSlot = new AtomicBoolean();
    private final AtomicBoolean refusePart = new AtomicBoolean();
    private final AtomicBoolean refuseConfirm = new AtomicBoolean();
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicBoolean refuseCancel = new AtomicBoolean();
    private final AtomicBoolean refuseMove = new AtomicBoolean();
    private final Map<Side, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, OffsetDateTime> appointmentStarts = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final Map<String, String> holdsByKey = new ConcurrentHashMap<>();
    private final Map<String, String> appointmentsByKey = new ConcurrentHashMap<>();
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** A fake on a port of its own (bound, not found free: a found port can be taken before the bind). */
    public FakeGateway(Clock clock) {
        this(0, clock);
    }

    public FakeGateway(int port, Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to a healthy link and empty on-prem state. */
    public void reset() {
        down.set(false);
        refuseSlot.set(false);
        refusePart.set(false);
        refuseConfirm.set(false);
        delayMillis.set(0);
        refuseCancel.set(false);
        refuseMove.set(false);
        faults.clear();
        appointmentStarts.clear();
        bodies.clear();
        traceparents.clear();
        holdsByKey.clear();
        appointmentsByKey.clear();
        state.clear();
        calls.clear();
        maxInFlight.set(0);
    }

    /** The most calls that were in progress at the same time since the last reset. */
    public int maxConcurrentCalls() {
        return maxInFlight.get();
    }

    /** Link down: every call answers 503 like the gateway does when the link is cut. */
    public void linkDown(boolean isDown) {
        down.set(isDown);
    }

    public void refuseSlot(boolean refuse) {
        refuseSlot.set(refuse);
    }

    public void refusePart(boolean refuse) {
        refusePart.set(refuse);
    }

    public void refuseConfirm(boolean refuse) {
        refuseConfirm.set(refuse);
    }

    /** One of the two on-prem services behind the gateway. */
    public enum Side {
        PLANNING("/onprem/planning/"), SUPPLY_CHAIN("/onprem/supply-chain/");

        private final String prefix;

        Side(String prefix) {
            this.prefix = prefix;
        }
    }

    /** What goes wrong with one side's writes (POSTs). */
    public enum Fault {
        /** The service cannot be reached: 503, nothing done (the gateway's answer with the service down). */
        DOWN,
        /** The write is done, then the answer is lost on its way back: 503 (a link cut after the request passed). */
        ANSWER_LOST,
        /** The write is done, then no answer before the client's read timeout (a stalled path). */
        TIMEOUT
    }

    /** Makes one side's writes fail as {@code fault} (null: healthy again). */
    public void fault(Side side, Fault fault) {
        if (fault == null) {
            faults.remove(side);
        } else {
            faults.put(side, fault);
        }
    }

    /** Planning refuses to cancel appointments (409 notice-policy), as inside its notice without an override. */
    public void refuseCancel(boolean refuse) {
        refuseCancel.set(refuse);
    }

    /** Planning refuses to move appointments (409 slot-unavailable). */
    public void refuseMove(boolean refuse) {
        refuseMove.set(refuse);
    }

    /** The start of an appointment as planning last moved it (null if never moved). */
    public OffsetDateTime appointmentStart(String id) {
        return appointmentStarts.get(id);
    }

    /** "METHOD path body" of every write received, in order. */
    public List<String> writes() {
        return List.copyOf(bodies);
    }

    /** "METHOD path traceparent" of every call received, in order ("-" for a call without one). */
    public List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    /** Adds latency to every answer (a link round trip). */
    public void delay(long millis) {
        delayMillis.set(millis);
    }

    /** "METHOD path" of every call received, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** State of a hold or appointment: HELD, CONFIRMED, RELEASED, CANCELLED. */
    public String state(String id) {
        return state.get(id);
    }

    private void handle(HttpExchange ex) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (ex) {
            String path = ex.getRequestURI().getPath();
            calls.add(ex.getRequestMethod() + " " + path);
            String traceparent = ex.getRequestHeaders().getFirst("traceparent");
            traceparents.add(ex.getRequestMethod() + " " + path + " " + (traceparent == null ? "-" : traceparent));
            long delay = delayMillis.get();
            if (delay > 0) {
                Thread.sleep(delay);
            }
            if (!"dev-booking-web-key".equals(ex.getRequestHeaders().getFirst("X-API-Key"))) {
                send(ex, 401, Map.of("status", 401, "title", "Unauthorized"));
                return;
            }
            if (down.get()) {
                send(ex, 503, Map.of("status", 503, "title", "Service Unavailable", "detail", "link down"));
                return;
            }
            JsonNode body = readBody(ex.getRequestBody());
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            Fault fault = "POST".equals(ex.getRequestMethod()) ? faultFor(path) : null;
            if (fault == Fault.DOWN) {
                send(ex, 503, Map.of("status", 503, "title", "Service Unavailable", "detail", "service down"));
                return;
            }
            if ("POST".equals(ex.getRequestMethod())) {
                bodies.add("POST " + path + " " + body);
            }
            if (fault == null) {
                route((status, answer) -> send(ex, status, answer), ex, path, body, key);
                return;
            }
            // the write is done on-prem; its answer never reaches the caller
            route((status, answer) -> { }, ex, path, body, key);
            if (fault == Fault.TIMEOUT) {
                Thread.sleep(3_000);
            }
            send(ex, 503, Map.of("status", 503, "title", "Service Unavailable", "detail", "answer lost"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void route(Reply reply, HttpExchange ex, String path, JsonNode body, String key) throws IOException {
        String sc = "/onprem/supply-chain/api/v1";
        String pl = "/onprem/planning/api/v1";
        if (path.equals(sc + "/vehicles/makes")) {
            reply.send(200, List.of("Peugeot", "Renault"));
        } else if (path.equals(sc + "/vehicles/models")) {
            reply.send(200, List.of(Map.of("make", "Renault", "model", "Clio", "yearFrom", 2012, "yearTo", 2025),
                    Map.of("make", "Renault", "model", "Megane", "yearFrom", 2010, "yearTo", 2024)));
        } else if (path.equals(sc + "/parts")) {
            String query = ex.getRequestURI().getQuery();
            boolean adas = query != null && query.contains("year=20") && !query.contains("year=2010");
            reply.send(200, List.of(Map.of("partNumber", "WS-RENAULT-CLIO-5", "glassType", "WINDSCREEN",
                    "description", "Windscreen Renault Clio (2019-2026), green tint, grey top band, rain sensor", "adasCamera", adas, "heated", false,
                    "acoustic", false, "rainSensor", true)));
        } else if (path.equals(sc + "/availability/batch")) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (JsonNode id : body.get("centreIds")) {
                results.add(Map.of("centreId", id.asString(), "available", true,
                        "earliestAvailableAt", slotStart(0, 12).toString(),
                        "source", Map.of("type", "LOCAL_STOCK", "locationId", id.asString(), "transitDays", 0)));
            }
            reply.send(200, Map.of("partNumber", body.get("partNumber").asString(), "quantity", 1,
                    "zone", "Europe/Paris", "results", results));
        } else if (path.equals(pl + "/slots/search")) {
            List<String> centres = new ArrayList<>();
            if (body.has("centreIds") && body.get("centreIds").isArray()) {
                body.get("centreIds").forEach(n -> centres.add(n.asString()));
            }
            String mode = body.has("postcode") ? "HOME" : "CENTRE";
            List<Map<String, Object>> results = new ArrayList<>();
            for (String c : centres) {
                List<Map<String, Object>> slots = new ArrayList<>();
                for (int d = 0; d < SLOT_DAYS; d++) {
                    for (int hour : List.of(9, 14)) {
                        OffsetDateTime s = slotStart(d, hour);
                        slots.add(Map.of("start", s.toString(), "end", s.plusMinutes(90).toString(), "capacity", 1));
                    }
                }
                results.add(Map.of("centreId", c, "mode", mode, "slots", slots));
            }
            reply.send(200, Map.of("zone", "Europe/Paris", "jobDurationMinutes", 90, "results", results));
        } else if (path.equals(sc + "/holds")) {
            if (refusePart.get()) {
                reply.send(409, Map.of("status", 409, "title", "Conflict", "detail", "no stock"));
                return;
            }
            String id = holdsByKey.computeIfAbsent(key, k -> "H-" + k);
            state.putIfAbsent(id, "HELD");
            reply.send(201, Map.of("holdId", id, "bookingReference", key, "partNumber", body.get("partNumber").asString(),
                    "quantity", 1, "centreId", body.get("centreId").asString(), "status", "HELD",
                    "expiresAt", clock.instant().atZone(PARIS).toOffsetDateTime().plusMinutes(15).toString()));
        } else if (path.startsWith(sc + "/holds/")) {
            String[] parts = path.substring((sc + "/holds/").length()).split("/");
            transition(reply, parts[0], parts.length > 1 ? parts[1] : "");
        } else if (path.equals(pl + "/appointments")) {
            if (refuseSlot.get()) {
                reply.send(409, Map.of("status", 409, "title", "Conflict", "detail", "slot gone"));
                return;
            }
            String id = appointmentsByKey.computeIfAbsent(key, k -> "A-" + k);
            state.putIfAbsent(id, "HELD");
            OffsetDateTime start = OffsetDateTime.parse(body.get("start").asString());
            reply.send(201, Map.of("appointmentId", id, "bookingReference", key, "centreId", body.get("centreId").asString(),
                    "mode", body.get("mode").asString(), "start", start.toString(), "end", start.plusMinutes(90).toString(),
                    "status", "HELD", "expiresAt", clock.instant().atZone(PARIS).toOffsetDateTime().plusMinutes(15).toString()));
        } else if (path.startsWith(pl + "/appointments/")) {
            String[] parts = path.substring((pl + "/appointments/").length()).split("/");
            if (parts.length > 1 && parts[1].equals("reschedule")) {
                if (refuseMove.get()) {
                    reply.send(409, Map.of("status", 409, "title", "Conflict", "detail", "slot taken"));
                    return;
                }
                OffsetDateTime start = OffsetDateTime.parse(body.get("start").asString());
                appointmentStarts.put(parts[0], start);
                reply.send(200, Map.of("appointmentId", parts[0], "start", start.toString(),
                        "end", start.plusMinutes(90).toString(), "status", "CONFIRMED"));
                return;
            }
            if (parts.length > 1 && parts[1].equals("cancel") && refuseCancel.get()
                    && !"CANCELLED".equals(state.get(parts[0]))) {
                reply.send(409, Map.of("status", 409, "title", "Conflict", "detail", "inside the notice"));
                return;
            }
            transition(reply, parts[0], parts.length > 1 ? parts[1] : "");
        } else {
            reply.send(404, Map.of("status", 404, "title", "Not Found"));
        }
    }

    private void transition(Reply reply, String id, String action) throws IOException {
        String current = state.get(id);
        if (current == null) {
            reply.send(404, Map.of("status", 404, "title", "Not Found"));
            return;
        }
        String next = switch (action) {
            case "confirm" -> "CONFIRMED";
            case "release" -> "RELEASED";
            case "cancel" -> "CANCELLED";
            default -> current;
        };
        if (action.equals("confirm") && (refuseConfirm.get() || current.equals("RELEASED") || current.equals("CANCELLED"))) {
            reply.send(409, Map.of("status", 409, "title", "Conflict", "detail", "hold expired"));
            return;
        }
        state.put(id, next);
        reply.send(200, Map.of("id", id, "status", next));
    }

    /**
     * The {@code index}-th day with slots (0-based): working weekdays (no Saturday, Sunday or public holiday),
     * from three days after the clock's business day.
     */
    public LocalDate slotDay(int index) {
        LocalDate day = NetworkCalendar.today(clock.instant()).plusDays(2);
        for (int found = -1; found < index; ) {
            day = NetworkCalendar.firstWorkingDayFrom(day.plusDays(1));
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
                found++;
            }
        }
        return day;
    }

    /** A slot this fake offers: day {@code index} (see {@link #slotDay}) at {@code hour}:00 in Paris. */
    public OffsetDateTime slotStart(int index, int hour) {
        return slotDay(index).atTime(LocalTime.of(hour, 0)).atZone(PARIS).toOffsetDateTime();
    }

    private Fault faultFor(String path) {
        for (Map.Entry<Side, Fault> f : faults.entrySet()) {
            if (path.startsWith(f.getKey().prefix)) {
                return f.getValue();
            }
        }
        return null;
    }

    /** Where an answer goes: the caller, or nowhere when it is lost. */
    private interface Reply {
        void send(int status, Object body) throws IOException;
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
