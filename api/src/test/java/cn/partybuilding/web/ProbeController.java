package cn.partybuilding.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Test only: endpoints that exercise the platform (paging, idempotency, errors) with a
 * real table, before features exist that would. Lives in the test sources, so it never
 * ships.
 */
@RestController
@RequestMapping("/api/v1/probe")
class ProbeController {

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	ProbeController(DatabaseClient db, TransactionalOperator transactions) {
		this.db = db;
		this.transactions = transactions;
	}

	enum Colour {

		RED, GREEN

	}

	record NewItem(@NotBlank @Size(max = 50) String label, @NotNull Colour colour, @Nullable Integer count,
			@Nullable Long delayMillis, @Nullable Boolean failAfterInsert) {
	}

	record Item(String id, String label) {
	}

	@PostMapping("/items")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Item> create(@Valid @RequestBody NewItem body, Caller caller) {
		UUID id = Ids.newId();
		return this.db.sql("INSERT INTO probe_items (id, owner, label) VALUES (:id, :owner, :label)")
			.bind("id", id)
			.bind("owner", caller.id().toString())
			.bind("label", body.label())
			.then()
			.then(Mono.delay(Duration.ofMillis((body.delayMillis() != null) ? body.delayMillis() : 0)))
			.then(Boolean.TRUE.equals(body.failAfterInsert()) ? Mono.error(new DomainException(ErrorCode.CONFLICT))
					: Mono.just(new Item(id.toString(), body.label())));
	}

	/**
	 * Two rows in one transaction with a pause between them, as a request whose client
	 * may leave in the middle.
	 */
	@PostMapping("/pairs")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Item> pair(@RequestParam String label, @RequestParam long pauseMillis) {
		Mono<Void> first = this.db.sql("INSERT INTO probe_items (id, owner, label) VALUES (:id, 'pair', :label)")
			.bind("id", Ids.newId())
			.bind("label", label + "-1")
			.then();
		Mono<Void> second = this.db.sql("INSERT INTO probe_items (id, owner, label) VALUES (:id, 'pair', :label)")
			.bind("id", Ids.newId())
			.bind("label", label + "-2")
			.then();
		return first.then(Mono.delay(Duration.ofMillis(pauseMillis)))
			.then(second)
			.as(this.transactions::transactional)
			.thenReturn(new Item(label, label));
	}

	@GetMapping("/items")
	Mono<Page<Item>> list(@RequestParam String owner, PageRequest page) {
		String after = page.isFirst() ? "" : "AND id < :after";
		var spec = this.db
			.sql("SELECT id, label FROM probe_items WHERE owner = :owner " + after + " ORDER BY id DESC LIMIT :limit")
			.bind("owner", owner)
			.bind("limit", page.fetchSize());
		if (!page.isFirst()) {
			spec = spec.bind("after", UUID.fromString(page.after(0)));
		}
		return spec.map((row) -> new Item(row.get("id", UUID.class).toString(), row.get("label", String.class)))
			.all()
			.collectList()
			.map((rows) -> page.page(rows, (item) -> java.util.List.of(item.id())));
	}

	@GetMapping("/items/{id}")
	Mono<Item> get(@PathVariable UUID id) {
		return Mono.error(DomainException.notFound());
	}

	/** What an exhausted connection pool makes of a transaction that cannot begin. */
	@GetMapping("/no-connection")
	Mono<Item> noConnection() {
		return Mono.error(new org.springframework.transaction.CannotCreateTransactionException(
				"Could not open R2DBC Connection for transaction"));
	}

	@GetMapping("/boom")
	Mono<Item> boom() {
		return Mono.error(new IllegalStateException("secret internal detail at com.example.Hidden"));
	}

}
