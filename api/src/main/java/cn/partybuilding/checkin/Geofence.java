package cn.partybuilding.checkin;

/**
 * The area a check-in by position must come from: a point and a radius.
 *
 * @param lat latitude of the point
 * @param lng longitude of the point
 * @param radiusMeters how far from the point a position still counts
 */
public record Geofence(double lat, double lng, int radiusMeters) {

	private static final double EARTH_RADIUS_METERS = 6_371_008.8;

	/** Great-circle (haversine) distance in metres from the point to a position. */
	public double distanceTo(double lat, double lng) {
		double dLat = Math.toRadians(lat - this.lat);
		double dLng = Math.toRadians(lng - this.lng);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(this.lat)) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLng / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
