package cn.partybuilding.volunteer;

import java.util.regex.Pattern;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * A position to order projects by distance from, given as {@code near=lat,lng}.
 *
 * @param lat latitude, -90 to 90
 * @param lng longitude, -180 to 180
 */
record Position(double lat, double lng) {

	/**
	 * Two plain decimal numbers and a comma: no exponents, no NaN, no spaces inside the
	 * numbers.
	 */
	private static final Pattern FORM = Pattern
		.compile("\\s*(-?\\d{1,3}(?:\\.\\d{1,12})?)\\s*," + "\\s*(-?\\d{1,3}(?:\\.\\d{1,12})?)\\s*");

	/** Parses {@code lat,lng}; anything else is a {@code 400} naming {@code near}. */
	static Position parse(String text) {
		var matcher = FORM.matcher(text);
		if (!matcher.matches()) {
			throw DomainException.invalid(Violation.of("near", "near"));
		}
		double lat = Double.parseDouble(matcher.group(1));
		double lng = Double.parseDouble(matcher.group(2));
		if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
			throw DomainException.invalid(Violation.of("near", "near"));
		}
		return new Position(lat, lng);
	}

}
