package cn.partybuilding.member;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member to register.
 *
 * @param id the id the member (and their account) gets
 * @param branchId the branch the member belongs to
 * @param name the member's name
 * @param phone the mobile number in canonical form
 * @param joinedPartyOn date of joining the party (入党日期): the political birthday
 * @param fullMemberOn date of becoming a full member (转正日期); none while probationary
 * @param category in service, retired, mobile or without post
 * @param passwordHash an initial password's hash; none when the member logs in by SMS or
 * WeChat
 */
public record NewMember(UUID id, UUID branchId, String name, String phone, Gender gender, LocalDate birthDate,
		LocalDate joinedPartyOn, @Nullable LocalDate fullMemberOn, MemberCategory category,
		@Nullable String passwordHash) {

	@Override
	public String toString() {
		return "NewMember[" + this.id + "]";
	}

}
