package cn.partybuilding.member;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.member.MemberRepository.MemberWithPhone;
import cn.partybuilding.personaldata.PhoneNumbers;

/** How members are shown: the phone number masked for everyone but the member. */
final class MemberViews {

	private MemberViews() {
	}

	/**
	 * A member as the API shows it.
	 *
	 * @param id the member
	 * @param branchId the member's branch
	 * @param phone masked ({@code 138****0000}) unless the caller is the member
	 * @param joinedPartyOn date of joining the party
	 * @param fullMemberOn date of becoming a full member
	 * @param status where the member stands
	 * @param category in service, retired, mobile or without post
	 * @param communityId the community registered with (双报到)
	 */
	record MemberView(String id, String branchId, String name, String phone, Gender gender, LocalDate birthDate,
			LocalDate joinedPartyOn, @Nullable LocalDate fullMemberOn, MemberStatus status, MemberCategory category,
			@Nullable String communityId) {
	}

	static MemberView of(MemberWithPhone row, UUID viewer) {
		Member member = row.member();
		String phone = member.id().equals(viewer) ? row.phone() : PhoneNumbers.mask(row.phone());
		return new MemberView(member.id().toString(), member.branchId().toString(), member.name(), phone,
				member.gender(), member.birthDate(), member.joinedPartyOn(), member.fullMemberOn(), member.status(),
				member.category(), (member.communityId() != null) ? member.communityId().toString() : null);
	}

}
