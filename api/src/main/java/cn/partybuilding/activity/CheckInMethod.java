package cn.partybuilding.activity;

/**
 * How members prove presence: the rotating QR code shown by the secretary, their position
 * inside the venue, or both.
 */
public enum CheckInMethod {

	QR, GEO

}
