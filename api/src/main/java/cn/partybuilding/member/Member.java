package cn.partybuilding.member;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A party member's record (the phone number lives, encrypted, with the account).
 *
 * @param id the member
 * @param branchId the branch the member belongs to
 * @param name the member's name
 * @param joinedPartyOn date of joining the party: the political birthday
 * @param fullMemberOn date of becoming a full member
 * @param status where the member stands
 * @param category in service, retired, mobile or without post
 * @param communityId the community the member registered with (双报到), if any
 */
public record Member(UUID id, UUID branchId, String name, Gender gender, LocalDate birthDate, LocalDate joinedPartyOn,
		@Nullable LocalDate fullMemberOn, MemberStatus status, MemberCategory category, @Nullable UUID communityId) {

	@Override
	public String toString() {
		return "Member[" + this.id + "]";
	}

}
