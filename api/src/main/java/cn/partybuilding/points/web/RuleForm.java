package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.core.AmountBasis;
import cn.partybuilding.points.core.Caps;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsCategory;
import cn.partybuilding.points.core.RuleVersion;

/**
 * A new or changed rule version. {@code basis} defaults to taking the amount from the
 * event for manual adjustments and to points per event otherwise.
 */
record RuleForm(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
		@NotBlank @Size(max = 100) String name, @NotNull PointsCategory category, @NotNull EventType eventType,
		@NotNull @DecimalMin("0") @DecimalMax(MAX_POINTS) @Digits(integer = 6, fraction = 1) BigDecimal points,
		@Nullable AmountBasis basis,
		@Schema(additionalPropertiesSchema = MatchValue.class) @Nullable @Size(
				max = 10) Map<String, @NotBlank @Size(max = MatchValue.MAX_LENGTH) String> match,
		@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_POINTS) @Digits(integer = 6,
				fraction = 1) BigDecimal capPerDay,
		@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_POINTS) @Digits(integer = 6,
				fraction = 1) BigDecimal capPerMonth,
		@Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_POINTS) @Digits(integer = 6,
				fraction = 1) BigDecimal capPerYear,
		@NotNull LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {

	/**
	 * The most points a rule, a cap or a threshold can name: six digits and one decimal.
	 */
	static final String MAX_POINTS = "999999.9";

	/** How a value of {@code match} reads in the OpenAPI document. */
	@Schema(type = "string", maxLength = MatchValue.MAX_LENGTH, description = "a detail the event must have")
	private static final class MatchValue {

		static final int MAX_LENGTH = 100;

	}

	RuleVersion toVersion(String id) {
		AmountBasis effectiveBasis = (this.basis != null) ? this.basis
				: (this.eventType == EventType.MANUAL_ADJUSTMENT) ? AmountBasis.FROM_EVENT : AmountBasis.PER_EVENT;
		return new RuleVersion(id, this.code, this.name.strip(), this.category, this.eventType, this.points,
				effectiveBasis, (this.match != null) ? this.match : Map.of(),
				new Caps(this.capPerDay, this.capPerMonth, this.capPerYear), this.effectiveFrom, this.effectiveTo);
	}

}
