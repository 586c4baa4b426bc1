/**
 * Reservations (预约) of base slots by branches: booking without ever overbooking,
 * approval, cancellation, visits.
 */
@NullMarked
package cn.partybuilding.reservation;

import org.jspecify.annotations.NullMarked;
