package cn.partybuilding.activity;

/**
 * Where an activity takes place, with the radius positions are checked against.
 *
 * @param name e.g. 社区党群服务中心二楼
 * @param lat latitude
 * @param lng longitude
 * @param radiusMeters how far from the point a check-in still counts (1 to 5,000)
 */
public record Venue(String name, double lat, double lng, int radiusMeters) {

	private static final double EARTH_RADIUS_METERS = 6_371_008.8;

	/** Great-circle (haversine) distance in metres from the venue to a position. */
	public double distanceTo(double lat, double lng) {
		double dLat = Math.toRadians(lat - this.lat);
		double dLng = Math.toRadians(lng - this.lng);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(this.lat)) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLng / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
