/**
 * Attendance: rotating check-in codes, check-ins by code and position, leave, the
 * attendance sheet, absences.
 */
@NullMarked
package cn.partybuilding.attendance;

import org.jspecify.annotations.NullMarked;
