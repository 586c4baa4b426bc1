package cn.partybuilding.minutes;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/**
 * {@code /activities/{id}/minutes}: the record of a meeting, its sign-off and its review.
 */
@RestController
@RequestMapping("/api/v1/activities/{id}/minutes")
class MinutesController {

	private final MinutesService minutes;

	private final MinutesViews views;

	MinutesController(MinutesService minutes, MinutesViews views) {
		this.minutes = minutes;
		this.views = views;
	}

	@GetMapping
	Mono<MinutesView> get(@PathVariable UUID id, Caller caller) {
		return this.minutes.get(caller, id).map(this.views::view);
	}

	@PutMapping
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.NOT_INVITED, ErrorCode.ACTIVITY_NOT_OPEN })
	Mono<MinutesView> write(@PathVariable UUID id, @Valid @RequestBody MinutesWritten body, Caller caller) {
		return this.minutes.write(caller, id, body.recorderId(), body.content()).map(this.views::view);
	}

	@PostMapping("/sign")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.MINUTES_MISSING, ErrorCode.SELF_DECISION })
	Mono<MinutesView> sign(@PathVariable UUID id, Caller caller) {
		return this.minutes.sign(caller, id).map(this.views::view);
	}

	/**
	 * The minutes as written.
	 *
	 * @param recorderId the member keeping the record (an invitee)
	 * @param content the record
	 */
	record MinutesWritten(@NotNull UUID recorderId, @NotBlank @Size(max = 20_000) String content) {
	}

}
