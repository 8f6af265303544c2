package io.glasslink.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Put on a Spring Boot test to connect it to the JVM's real PostgreSQL, Kafka and S3-compatible
 * servers. The database is named by {@code glasslink.test.database} (default {@code test}); the
 * S3 server is published as {@code glasslink.s3.endpoint|access-key|secret-key|region}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(RealInfrastructureConfiguration.class)
public @interface RealInfrastructure {
}
