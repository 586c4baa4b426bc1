/**
 * Recalculations: a year replayed under the rules now in force, as compensating entries,
 * resumable by any instance.
 */
@NullMarked
package cn.partybuilding.points.recalculation;

import org.jspecify.annotations.NullMarked;
