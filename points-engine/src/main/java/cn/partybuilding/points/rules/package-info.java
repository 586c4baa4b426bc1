/**
 * The rule book as stored: versions of points rules, changed under a lock and reloaded by
 * every instance.
 */
@NullMarked
package cn.partybuilding.points.rules;

import org.jspecify.annotations.NullMarked;
