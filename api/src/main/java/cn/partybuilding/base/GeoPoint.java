package cn.partybuilding.base;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position on Earth in degrees (WGS-84, as phones report it).
 *
 * @param lat latitude, −90 to 90
 * @param lng longitude, −180 to 180
 */
record GeoPoint(double lat, double lng) {

	private static final Pattern LAT_LNG = Pattern
		.compile("\\s*([-+]?\\d{1,3}(?:\\.\\d{1,17})?)\\s*,\\s*([-+]?\\d{1,3}(?:\\.\\d{1,17})?)\\s*");

	/**
	 * {@code "31.23,121.47"} as a point; empty for anything else, including degrees out
	 * of range.
	 */
	static Optional<GeoPoint> parse(String latCommaLng) {
		Matcher matcher = LAT_LNG.matcher(latCommaLng);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		double lat = Double.parseDouble(matcher.group(1));
		double lng = Double.parseDouble(matcher.group(2));
		if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
			return Optional.empty();
		}
		return Optional.of(new GeoPoint(lat, lng));
	}

}
