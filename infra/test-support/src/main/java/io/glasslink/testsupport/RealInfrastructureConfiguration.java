package io.glasslink.testsupport;

import java.util.function.Supplier;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.util.function.SingletonSupplier;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Wires a Spring test to the real servers: {@code @ServiceConnection} containers when Docker is
 * there, the embedded servers' coordinates as properties otherwise.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructureConfiguration {

    @Bean
    DynamicPropertyRegistrar glasslinkInfrastructureProperties(Environment env) {
        return registry -> {
            if (InfrastructureMode.current() == InfrastructureMode.EMBEDDED) {
                // resolved on first read: a service without a database (the datahub) starts no PostgreSQL
                String database = env.getProperty("glasslink.test.database", "test");
                Supplier<String> url = SingletonSupplier.of(() -> TestInfrastructure.postgres().createDatabase(database));
                registry.add("spring.datasource.url", url::get);
                registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
                registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
                registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
            }
            registry.add("glasslink.s3.endpoint", () -> TestInfrastructure.s3().endpoint().toString());
            registry.add("glasslink.s3.access-key", () -> TestInfrastructure.s3().accessKey());
            registry.add("glasslink.s3.secret-key", () -> TestInfrastructure.s3().secretKey());
            registry.add("glasslink.s3.region", () -> TestInfrastructure.s3().region());
        };
    }

    /** Docker is present: the containers are the servers, connected the Spring Boot way. */
    @TestConfiguration(proxyBeanMethods = false)
    @Conditional(ContainersMode.class)
    static class Containers {

        // shared by every cached context of the JVM: the JVM's shutdown stops it, not a context
        @Bean(destroyMethod = "")
        @ServiceConnection
        PostgreSQLContainer glasslinkPostgres() {
            return TestInfrastructure.postgresContainer();
        }

        // shared by every cached context of the JVM: the JVM's shutdown stops it, not a context
        @Bean(destroyMethod = "")
        @ServiceConnection
        KafkaContainer glasslinkKafka() {
            return TestInfrastructure.kafkaContainer();
        }
    }

    static class ContainersMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return InfrastructureMode.current() == InfrastructureMode.CONTAINERS;
        }
    }
}
