package io.glasslink.datahub.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.glasslink.datahub.web.InvalidRequestException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The input rules of docs/contracts.md for this API, as framework configuration. The catalogue takes no JSON body, so
 * they apply to its parameters: Spring Security's firewall refuses control characters (U+0000–U+001F, U+007F–U+009F)
 * and unassigned code points in parameter names and values, and values over {@value #MAX_VALUE_LENGTH} characters; an
 * API operation refuses a parameter it does not declare, as JSON bodies refuse unknown properties.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebMvcConfigurer {

    static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterNames(name -> name.length() <= MAX_VALUE_LENGTH && PRINTABLE.matcher(name).matches());
        firewall.setAllowedParameterValues(value -> value.length() <= MAX_VALUE_LENGTH && PRINTABLE.matcher(value).matches());
        return firewall;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DeclaredOnly()).addPathPatterns("/api/**");
    }

    /** Refuses the query parameters an operation does not declare, naming each. */
    static final class DeclaredOnly implements HandlerInterceptor {

        private final ConcurrentHashMap<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method) || request.getParameterMap().isEmpty()) {
                return true;
            }
            Set<String> names = declared.computeIfAbsent(method, DeclaredOnly::requestParameters);
            List<FieldProblem> unknown = new ArrayList<>();
            for (String name : request.getParameterMap().keySet()) {
                if (!names.contains(name)) {
                    unknown.add(new FieldProblem(name, "is not a parameter of this operation"));
                }
            }
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException(unknown);
            }
            return true;
        }

        private static Set<String> requestParameters(HandlerMethod method) {
            Set<String> names = new HashSet<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                    if (name != null) {
                        names.add(name);
                    }
                }
            }
            return names;
        }
    }
}
