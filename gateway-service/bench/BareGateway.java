import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The reference row of the gateway benchmark: Spring Cloud Gateway (the same jars and version as
 * gateway-service) with one route and none of glasslink's filters, no tracing and no gateway
 * metrics — what the framework itself costs on this machine. Run by bench/run.sh on the
 * gateway-service jar's extracted libraries; the route is given as properties.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BareGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareGateway.class, args);
    }
}
