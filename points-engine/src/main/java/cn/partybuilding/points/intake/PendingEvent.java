package cn.partybuilding.points.intake;

import cn.partybuilding.points.core.PointsEvent;

/** A stored event waiting to be scored: its place in the queue and how often scoring it failed. */
record PendingEvent(long seq, int attempts, PointsEvent event) {
}
