package cn.partybuilding.activity;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What the rest of the system hears about activities, in the transaction of the change: approval invites the members
 * (ACTIVITY_INVITATION through the notifier).
 */
@Component
class ActivityEvents {

	Mono<Void> approved(Activity activity) {
		return Mono.empty();
	}

}
