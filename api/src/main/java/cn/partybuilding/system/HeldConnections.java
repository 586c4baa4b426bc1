package cn.partybuilding.system;

import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The application's {@link ConnectionFactory}: hands out a pooled connection that only its holder gives back.
 * <p>
 * r2dbc-pool returns a connection to the pool when the subscription that acquired it is cancelled, even after the
 * connection was handed out. A request cancelled in the middle of a transaction (the phone gave up, a timeout fired)
 * cancels that subscription too, so its connection went back to the pool while its transaction was still open, and
 * the next borrower's {@code COMMIT} committed half of the abandoned transaction: under overload,
 * {@code bench/checkin} found check-ins committed without their points event. Here a connection, once handed out,
 * goes back only when its holder closes it (Spring rolls an abandoned transaction back first); a connection that
 * arrives after its requester gave up is given straight back.
 */
final class HeldConnections implements ConnectionFactory, Wrapped<ConnectionFactory>, Disposable {

	private static final int WAITING = 0;

	private static final int HANDED_OUT = 1;

	private static final int ABANDONED = 2;

	private final ConnectionPool pool;

	HeldConnections(ConnectionPool pool) {
		this.pool = pool;
	}

	@Override
	public Mono<Connection> create() {
		return Mono.<Connection>create((sink) -> {
			AtomicInteger state = new AtomicInteger(WAITING);
			// Not linked to the requester's cancellation: the acquisition runs to its end (bounded by the pool's
			// acquire timeout) either way.
			Mono.from(this.pool.create()).subscribe((connection) -> {
				if (state.compareAndSet(WAITING, HANDED_OUT)) {
					sink.success(connection);
				}
				else {
					Mono.from(connection.close()).subscribe();
				}
			}, (error) -> {
				if (state.compareAndSet(WAITING, ABANDONED)) {
					sink.error(error);
				}
			}, () -> {
				if (state.compareAndSet(WAITING, ABANDONED)) {
					sink.success();
				}
			});
			sink.onCancel(() -> state.compareAndSet(WAITING, ABANDONED));
		})
			// Handed out in the instant its requester left: the sink drops it, and it goes back to the pool.
			.doOnDiscard(Connection.class, (connection) -> Mono.from(connection.close()).subscribe());
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.pool.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.pool;
	}

	/** Closes the pool: the application context calls it on shutdown (the pool bean's destroy method). */
	@Override
	public void dispose() {
		this.pool.dispose();
	}

	@Override
	public boolean isDisposed() {
		return this.pool.isDisposed();
	}

}
