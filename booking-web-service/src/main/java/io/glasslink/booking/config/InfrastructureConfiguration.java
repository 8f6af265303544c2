package io.glasslink.booking.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.glasslink.booking.centres.Centres;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Shared beans: the reference network, the executor of parallel on-prem calls, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class InfrastructureConfiguration {

    @Bean
    Centres centres() {
        try (InputStream csv = new ClassPathResource("reference/centres.csv").getInputStream()) {
            return Centres.fromCsv(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parallel on-prem calls wait on the link, not on a CPU: an elastic pool of daemon threads (Java 17 target). Each
     * task runs in the observation of the thread that submitted it, so its on-prem call joins the request's trace.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService onPremExecutor() {
        AtomicInteger n = new AtomicInteger();
        return ContextExecutorService.wrap(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "onprem-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }), () -> ContextSnapshotFactory.builder().build().captureAll());
    }
}
