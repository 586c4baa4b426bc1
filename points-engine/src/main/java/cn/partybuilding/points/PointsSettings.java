package cn.partybuilding.points;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import cn.partybuilding.points.core.GradingScheme;

/**
 * Settings of the points engine, under {@code party.points.*} ({@code application.yaml}
 * maps the environment).
 *
 * @param workersEnabled whether this instance scores events and runs recalculations
 * (mapped from {@code PARTY_SCHEDULER_ENABLED}); any number of instances may, scoring
 * being safe to run concurrently
 * @param pollInterval how long a scoring worker waits before looking for new events again
 * after a batch that was not full (or found nothing), so that events arriving meanwhile
 * are scored together; after a full batch it goes on at once
 * @param batchSize events claimed and scored in one transaction
 * @param workers scoring loops run by this instance
 * @param busyBatchInterval while a {@link ScoringYield} says people are waiting for the
 * database, each worker scores at most one batch per this interval (a floor: scoring
 * never stops, a long rush only delays points). Scoring an event costs more CPU than
 * taking the check-in it came from, so the floor is low enough for the rush not to notice
 * it
 * @param busyBatchSize events in each of those batches: small, so that scoring takes the
 * machine from the rush in short slices rather than in one burst
 * @param maxAttempts attempts at scoring a failing event before it is set aside (never
 * blocking the queue)
 * @param retryBackoff wait before the second attempt at a failing event; it doubles with
 * every attempt, up to an hour
 * @param recalculationPoll how often an idle instance looks for recalculations to run (or
 * to resume)
 * @param recalculationStaleAfter a running recalculation whose runner gave no sign of
 * life for this long is resumed by another instance
 * @param grading the default 民主评议 scheme: thresholds and largest share of excellent
 */
@ConfigurationProperties("party.points")
@Validated
public record PointsSettings(@DefaultValue("true") boolean workersEnabled,
		@DefaultValue("200ms") @NotNull Duration pollInterval, @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
		@DefaultValue("2") @Min(1) @Max(16) int workers, @DefaultValue("5s") @NotNull Duration busyBatchInterval,
		@DefaultValue("20") @Min(1) @Max(1000) int busyBatchSize, @DefaultValue("10") @Min(1) int maxAttempts,
		@DefaultValue("1s") @NotNull Duration retryBackoff, @DefaultValue("1s") @NotNull Duration recalculationPoll,
		@DefaultValue("30s") @NotNull Duration recalculationStaleAfter, @DefaultValue @Valid Grading grading) {

	/**
	 * The default grading of 民主评议; an evaluation request may bring its own.
	 *
	 * @param excellentFrom points from which a member may be excellent (优秀)
	 * @param qualifiedFrom points from which a member is qualified (合格)
	 * @param basicFrom points from which a member is basically qualified (基本合格); below is
	 * unqualified
	 * @param maxExcellentShare the largest share (0 to 1) of the members evaluated who
	 * may be excellent
	 */
	public record Grading(@DefaultValue("90") @NotNull BigDecimal excellentFrom,
			@DefaultValue("60") @NotNull BigDecimal qualifiedFrom, @DefaultValue("40") @NotNull BigDecimal basicFrom,
			@DefaultValue("0.2") @NotNull BigDecimal maxExcellentShare) {

		/** As a scheme of the core. */
		public GradingScheme scheme() {
			return new GradingScheme(this.excellentFrom, this.qualifiedFrom, this.basicFrom, this.maxExcellentShare);
		}

	}

}
