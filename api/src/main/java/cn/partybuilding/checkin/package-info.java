/**
 * Proving presence, for meetings and base visits alike: the rotating code, the check-in
 * window, the geofence and the device a member checks in from.
 */
@NullMarked
package cn.partybuilding.checkin;

import org.jspecify.annotations.NullMarked;
