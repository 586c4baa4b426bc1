package cn.partybuilding.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.partybuilding.auth.SessionRepository.Change;
import cn.partybuilding.security.SessionStates;
import cn.partybuilding.system.PartySettings;

/**
 * Every instance's memory of the sessions that ended or changed lately, against which
 * each access token is checked ({@link SessionStates}): a memory lookup per request, no
 * I/O. It learns of changes within moments, whichever instance made them: PostgreSQL
 * tells every listening instance when a change commits ({@code LISTEN
 * party_session_changes}), and the instance then reads what changed. It reads everything
 * that can still matter when it starts (before it serves requests), again after every
 * reconnection, every {@link #CATCH_UP_OFFLINE} while it is not listening, and every
 * {@link #CATCH_UP_LISTENING} anyway, so a lost notification costs at most that long.
 * <p>
 * A change matters as long as a token issued before it can be alive: the longest access
 * token's life. Changes older than that are forgotten, here and in the table.
 */
@Component
class SessionFeed implements SessionStates, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SessionFeed.class);

	static final String CHANNEL = "party_session_changes";

	/**
	 * How often the changes are read while the notifications cannot come (the connection
	 * is being re-made).
	 */
	static final Duration CATCH_UP_OFFLINE = Duration.ofSeconds(2);

	/** How often the changes are read even while notifications come. */
	static final Duration CATCH_UP_LISTENING = Duration.ofSeconds(30);

	/**
	 * Reads overlap by this much: a change whose transaction began before the last read
	 * but committed after it.
	 */
	private static final Duration OVERLAP = Duration.ofMinutes(1);

	private final SessionRepository repository;

	private final ConnectionFactory connections;

	/**
	 * How long a change matters: a token issued before it lives this long at most (with a
	 * margin for clocks).
	 */
	private final Duration keep;

	private final Map<UUID, Known> known = new ConcurrentHashMap<>();

	/** The database's time of the last complete read; null before the first. */
	private final AtomicReference<@Nullable Instant> readUpTo = new AtomicReference<>();

	private volatile boolean listening;

	private volatile @Nullable Disposable running;

	SessionFeed(SessionRepository repository, ConnectionFactory connections, PartySettings settings) {
		this.repository = repository;
		this.connections = unwrapped(connections);
		this.keep = settings.jwt().accessTokenTtl().plus(Duration.ofMinutes(1));
	}

	@Override
	public boolean allows(UUID sessionId, int version) {
		Known change = this.known.get(sessionId);
		return change == null || version >= change.version();
	}

	/**
	 * Takes changes into account, e.g. those this instance just committed (before their
	 * notification is back).
	 */
	void learn(Collection<Change> changes) {
		long now = System.nanoTime();
		for (Change change : changes) {
			if (change.sessionId() != null && change.version() != null) {
				Known known = new Known(change.version(), now);
				this.known.merge(change.sessionId(), known, (a, b) -> (a.version() >= b.version()) ? a : b);
			}
		}
	}

	/**
	 * Reads the changes since the last read (overlapping it), or all that can matter on
	 * the first.
	 */
	Mono<Void> catchUp() {
		Instant since = this.readUpTo.get();
		return this.repository.changesSince((since != null) ? since.minus(OVERLAP) : null, this.keep)
			.collectList()
			.doOnNext((changes) -> {
				learn(changes);
				changes.stream()
					.filter((change) -> change.sessionId() == null)
					.findFirst()
					.ifPresent((marker) -> this.readUpTo.accumulateAndGet(marker.at(),
							(a, b) -> (a == null || b.isAfter(a)) ? b : a));
			})
			.then();
	}

	/**
	 * Forgets what no longer matters, here and in the table (any instance may: it is the
	 * same for all).
	 */
	Mono<Void> forgetOld() {
		long cutoff = System.nanoTime() - this.keep.toNanos();
		this.known.values().removeIf((change) -> change.learnedAt() - cutoff < 0);
		Instant read = this.readUpTo.get();
		return (read != null) ? this.repository.forgetChangesBefore(read.minus(this.keep).minus(OVERLAP)).then()
				: Mono.empty();
	}

	/**
	 * Before the web server starts (its phase is just below the largest), after it stops.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void start() {
		// Nothing is served before the recent changes are known: a token ended a moment
		// ago must not pass here.
		catchUp().retryWhen(Retry.backoff(10, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(3)))
			.block(Duration.ofSeconds(60));
		Disposable listen = listen().subscribe();
		Disposable poll = Flux.interval(CATCH_UP_OFFLINE).onBackpressureDrop().concatMap((tick) -> {
			boolean due = !this.listening
					|| tick % (CATCH_UP_LISTENING.toSeconds() / CATCH_UP_OFFLINE.toSeconds()) == 0;
			Mono<Void> forget = (tick % 30 == 0) ? forgetOld() : Mono.empty();
			return (due ? catchUp() : Mono.<Void>empty()).then(forget).onErrorResume((ex) -> {
				logger.warn("Could not read the session changes: {}", ex.toString());
				return Mono.empty();
			});
		}, 1).subscribe();
		this.running = Disposables.composite(listen, poll);
	}

	/**
	 * Listens on a connection of its own (outside the pool: it is held for good), reading
	 * what changed after each notification, and after every (re)connection; a lost
	 * connection is made again, with backoff.
	 */
	private Flux<Void> listen() {
		return Flux.usingWhen(Mono.from(this.connections.create()), (connection) -> {
			PostgresqlConnection postgres = unwrapped(connection);
			return Mono.from(connection.createStatement("LISTEN " + CHANNEL).execute())
				.flatMap((result) -> Mono.from(result.getRowsUpdated()))
				.then(Mono.fromRunnable(() -> this.listening = true))
				.then(catchUp())
				.thenMany(postgres.getNotifications().onBackpressureLatest().concatMap((notification) -> catchUp(), 1));
		}, Connection::close)
			.doFinally((signal) -> this.listening = false)
			.doOnError((ex) -> logger.warn("Listening for session changes failed, listening again: {}", ex.toString()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10)))
			.repeatWhen((completed) -> completed.delayElements(Duration.ofSeconds(1)));
	}

	@Override
	public void stop() {
		Disposable running = this.running;
		if (running != null) {
			running.dispose();
		}
		this.running = null;
		this.listening = false;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/** Whether notifications come in now (for tests and health). */
	boolean listening() {
		return this.listening;
	}

	private static ConnectionFactory unwrapped(ConnectionFactory factory) {
		ConnectionFactory current = factory;
		while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner
				&& inner != current) {
			current = inner;
		}
		return current;
	}

	private static PostgresqlConnection unwrapped(Connection connection) {
		Object current = connection;
		while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
			current = wrapped.unwrap();
		}
		if (current instanceof PostgresqlConnection postgres) {
			return postgres;
		}
		throw new IllegalStateException("Session changes need a PostgreSQL connection, not " + connection.getClass());
	}

	/**
	 * What is known of a session.
	 *
	 * @param version tokens of a lower version no longer stand
	 * @param learnedAt when this instance learned it (monotonic nanoseconds)
	 */
	private record Known(int version, long learnedAt) {
	}

}
