package io.glasslink.supplychain.availability;

import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.network.Network;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business calendar and the supply planner as beans. */
@Configuration(proxyBeanMethods = false)
class PlanningConfiguration {

    @Bean
    BusinessCalendar businessCalendar() {
        return new BusinessCalendar();
    }

    @Bean
    SupplyPlanner supplyPlanner(Network network, BusinessCalendar calendar) {
        return new SupplyPlanner(network, calendar);
    }
}
