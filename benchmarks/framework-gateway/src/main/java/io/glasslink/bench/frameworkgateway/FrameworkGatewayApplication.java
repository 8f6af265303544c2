package io.glasslink.bench.frameworkgateway;

import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * The bare gateway's route with the framework features glasslink's gateway uses, each switched on by a
 * {@code FEATURE_*} flag (environment variable or {@code -Dfeature.*}) that activates the Spring profile of the same
 * name ({@code FEATURE_ALL}: all of them). Every feature's auto-configurations are excluded (application.yml
 * {@code ladder.exclude.*}) unless its profile empties their list. The rungs of gateway-service/bench/run.sh's ladder
 * (issue 15).
 */
@SpringBootApplication
public class FrameworkGatewayApplication {

    static final String[] FEATURES = { "metrics", "tracing", "security", "accesslog", "resilience" };

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FrameworkGatewayApplication.class);
        application.setAdditionalProfiles(features(new StandardEnvironment()));
        application.run(args);
    }

    /** The profiles of the features switched on; the environment maps FEATURE_X to feature.x. */
    static String[] features(Environment environment) {
        boolean all = environment.getProperty("feature.all", Boolean.class, false);
        return Stream.of(FEATURES)
                .filter(feature -> all || environment.getProperty("feature." + feature, Boolean.class, false))
                .toArray(String[]::new);
    }
}
