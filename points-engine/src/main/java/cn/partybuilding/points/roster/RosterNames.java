package cn.partybuilding.points.roster;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Members' display names for leaderboards and evaluations. The engine does not keep
 * personal data; the member feature of the application provides this.
 */
public interface RosterNames {

	/**
	 * The names of the members among {@code ids} that exist; missing ids are left out.
	 */
	Mono<Map<UUID, String>> namesOf(Collection<UUID> ids);

}
