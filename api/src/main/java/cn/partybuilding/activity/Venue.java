package cn.partybuilding.activity;

import cn.partybuilding.checkin.Geofence;

/**
 * Where an activity takes place, with the radius positions are checked against.
 *
 * @param name e.g. 社区党群服务中心二楼
 * @param lng longitude
 * @param radiusMeters how far from the point a check-in still counts (1 to 5,000)
 */
public record Venue(String name, double lat, double lng, int radiusMeters) {

	/** The area a check-in by position must come from. */
	public Geofence geofence() {
		return new Geofence(this.lat, this.lng, this.radiusMeters);
	}

	/** Great-circle (haversine) distance in metres from the venue to a position. */
	public double distanceTo(double lat, double lng) {
		return geofence().distanceTo(lat, lng);
	}

}
