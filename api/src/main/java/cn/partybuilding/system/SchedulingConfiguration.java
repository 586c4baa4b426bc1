package cn.partybuilding.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work (daily jobs, delivery workers, housekeeping) runs only where
 * {@code PARTY_SCHEDULER_ENABLED} is true; any number of instances may run it, every job
 * being safe to run twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "party.scheduler-enabled", matchIfMissing = true)
class SchedulingConfiguration {

}
