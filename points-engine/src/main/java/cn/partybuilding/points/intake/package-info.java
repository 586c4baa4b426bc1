/**
 * Point events in and scored: other features record events in their own transactions
 * ({@link PointsIntake}); the scoring worker of any instance claims them and appends
 * their ledger entries.
 */
@NullMarked
package cn.partybuilding.points.intake;

import org.jspecify.annotations.NullMarked;
