package io.glasslink.booking.onprem.http;

import java.util.List;
import java.util.Map;

import io.glasslink.booking.onprem.SupplyChain;
import org.springframework.core.ParameterizedTypeReference;

/** supply-chain-service over HTTP, as documented in docs/contracts.md. */
class SupplyChainHttpClient implements SupplyChain {

    private final GatewayCalls calls;

    SupplyChainHttpClient(GatewayCalls calls) {
        this.calls = calls;
    }

    @Override
    public List<String> makes() {
        return calls.call("vehicle makes", () -> calls.http().get().uri("/vehicles/makes")
                .retrieve().body(new ParameterizedTypeReference<List<String>>() { }));
    }

    @Override
    public List<VehicleModel> models(String make) {
        return calls.call("vehicle models", () -> calls.http().get().uri("/vehicles/models?make={make}", make)
                .retrieve().body(new ParameterizedTypeReference<List<VehicleModel>>() { }));
    }

    @Override
    public List<Part> windscreens(String make, String model, int year) {
        return calls.call("parts", () -> calls.http().get()
                .uri("/parts?make={make}&model={model}&year={year}&glassType=WINDSCREEN", make, model, year)
                .retrieve().body(new ParameterizedTypeReference<List<Part>>() { }));
    }

    @Override
    public List<LeadTime> leadTimes(String partNumber, List<String> centreIds) {
        BatchAnswer answer = calls.call("availability batch", () -> calls.http().post().uri("/availability/batch")
                .body(Map.of("partNumber", partNumber, "quantity", 1, "centreIds", centreIds))
                .retrieve().body(BatchAnswer.class));
        return answer == null || answer.results() == null ? List.of() : answer.results();
    }

    @Override
    public PartHold hold(String bookingReference, String partNumber, String centreId, int ttlSeconds) {
        return calls.call("part hold", () -> calls.http().post().uri("/holds")
                .header("Idempotency-Key", bookingReference)
                .body(Map.of("bookingReference", bookingReference, "partNumber", partNumber, "quantity", 1,
                        "centreId", centreId, "ttlSeconds", ttlSeconds))
                .retrieve().body(PartHold.class));
    }

    @Override
    public void confirmHold(String holdId) {
        calls.run("part hold confirm", () -> calls.http().post().uri("/holds/{id}/confirm", holdId)
                .retrieve().toBodilessEntity());
    }

    @Override
    public void releaseHold(String holdId) {
        calls.run("part hold release", () -> calls.http().post().uri("/holds/{id}/release", holdId)
                .retrieve().toBodilessEntity());
    }

    private record BatchAnswer(String partNumber, List<LeadTime> results) {
    }

}
