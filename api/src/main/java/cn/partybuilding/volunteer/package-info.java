/**
 * Volunteer service (志愿服务): projects, sign-ups that never exceed the places, on-site
 * hours by check-in and checkout, their approval (points and a notification), honor
 * hours, and the member's own record.
 */
@NullMarked
package cn.partybuilding.volunteer;

import org.jspecify.annotations.NullMarked;
