package cn.partybuilding.web.mapping;

import org.jspecify.annotations.Nullable;
import org.mapstruct.Named;

import cn.partybuilding.personaldata.PhoneNumbers;

/**
 * Value conversions a view asks for by name, written once:
 * {@code @Mapping(target = "phone", qualifiedByName =
 * "masked")}.
 */
public final class ViewValues {

	private ViewValues() {
	}

	/** A phone number as others see it ({@code 138****0000}). */
	@Named("masked")
	public static @Nullable String masked(@Nullable String phone) {
		return (phone != null) ? PhoneNumbers.mask(phone) : null;
	}

}
