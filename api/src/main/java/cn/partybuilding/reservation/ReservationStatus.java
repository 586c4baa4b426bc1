package cn.partybuilding.reservation;

/** Where a reservation stands. Pending and approved reservations hold their seats. */
public enum ReservationStatus {

	PENDING, APPROVED, REJECTED, CANCELLED, COMPLETED

}
