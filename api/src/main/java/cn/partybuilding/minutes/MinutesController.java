package cn.partybuilding.minutes;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.problem.ErrorCode;

/** {@code /activities/{id}/minutes}: the record of a meeting, its sign-off and its review. */
@RestController
@RequestMapping("/api/v1/activities/{id}/minutes")
class MinutesController {

	private final MinutesService minutes;

	private final Clock clock;

	MinutesController(MinutesService minutes, Clock clock) {
		this.minutes = minutes;
		this.clock = clock;
	}

	@GetMapping
	Mono<MinutesView> get(@PathVariable UUID id, Caller caller) {
		return this.minutes.get(caller, id).map(this::view);
	}

	@PutMapping
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.NOT_INVITED, ErrorCode.ACTIVITY_NOT_OPEN })
	Mono<MinutesView> write(@PathVariable UUID id, @Valid @RequestBody MinutesWritten body, Caller caller) {
		return this.minutes.write(caller, id, body.recorderId(), body.content()).map(this::view);
	}

	@PostMapping("/sign")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.MINUTES_MISSING, ErrorCode.SELF_DECISION })
	Mono<MinutesView> sign(@PathVariable UUID id, Caller caller) {
		return this.minutes.sign(caller, id).map(this::view);
	}

	private MinutesView view(Minutes minutes) {
		return new MinutesView(minutes.activityId().toString(), minutes.recorderId().toString(), minutes.content(),
				minutes.status(), minutes.updatedBy().toString(), local(minutes.updatedAt()),
				(minutes.signedBy() != null) ? minutes.signedBy().toString() : null, local(minutes.signedAt()),
				(minutes.reviewedBy() != null) ? minutes.reviewedBy().toString() : null, local(minutes.reviewedAt()));
	}

	private @Nullable OffsetDateTime local(@Nullable Instant instant) {
		return (instant != null) ? instant.atZone(this.clock.getZone()).toOffsetDateTime() : null;
	}

	/**
	 * The minutes as written.
	 *
	 * @param recorderId the member keeping the record (an invitee)
	 * @param content the record
	 */
	record MinutesWritten(@NotNull UUID recorderId, @NotBlank @Size(max = 20_000) String content) {
	}

	/**
	 * Minutes with their sign-offs.
	 *
	 * @param activityId the meeting
	 * @param recorderId the recorder
	 * @param content the record
	 * @param status DRAFT, SIGNED (by the branch secretary) or REVIEWED (by the unit above)
	 * @param updatedBy who wrote the last version
	 * @param updatedAt when
	 * @param signedBy the secretary who signed
	 * @param signedAt when
	 * @param reviewedBy the org admin who reviewed
	 * @param reviewedAt when
	 */
	record MinutesView(String activityId, String recorderId, String content, String status, String updatedBy,
			@Nullable OffsetDateTime updatedAt, @Nullable String signedBy, @Nullable OffsetDateTime signedAt,
			@Nullable String reviewedBy, @Nullable OffsetDateTime reviewedAt) {
	}

}
