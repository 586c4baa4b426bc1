package cn.partybuilding.base;

import java.time.Instant;

/**
 * One bookable stretch of a base's opening hours.
 *
 * @param start when it begins
 * @param end when it ends
 */
public record Slot(Instant start, Instant end) {

}
