package cn.partybuilding.points.ranking;

import java.math.BigDecimal;
import java.util.UUID;

/** Where a page of grades (most points first, then member id) continues. */
public record GradePosition(BigDecimal points, UUID memberId) {
}
