package io.glasslink.booking.onprem.http;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Runs one call to an on-prem service through its circuit breaker and turns HTTP failures into
 * the two outcomes the saga cares about: unavailable (retry later) or rejected (a business no).
 */
final class GatewayCalls {

    private final RestClient http;
    private final CircuitBreaker breaker;

    GatewayCalls(RestClient http, CircuitBreaker breaker) {
        this.http = http;
        this.breaker = breaker;
    }

    RestClient http() {
        return http;
    }

    <T> T call(String what, Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new OnPremUnavailableException(what + ": circuit " + breaker.getName() + " is open", e);
        } catch (HttpClientErrorException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN
                    || status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.REQUEST_TIMEOUT) {
                throw new OnPremUnavailableException(what + ": " + e.getStatusCode(), e);
            }
            throw new OnPremRejectedException(e.getStatusCode().value(), what + ": " + e.getResponseBodyAsString());
        } catch (HttpServerErrorException | ResourceAccessException e) {
            throw new OnPremUnavailableException(what + ": " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new OnPremUnavailableException(what + ": unreadable answer: " + e.getMessage(), e);
        }
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }
}
