package cn.partybuilding.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ValidationDepth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A pool of one connection shows who holds it: a connection handed out stays with its holder until the holder
 * closes it, whatever happens to the subscription that acquired it.
 */
class HeldConnectionsTests {

	private final ConnectionPool pool = onePool();

	private final HeldConnections connections = new HeldConnections(this.pool);

	@AfterEach
	void closePool() {
		this.connections.dispose();
	}

	@Test
	void aHandedOutConnectionIsNotGivenToAnyoneElseWhenItsHoldersRequestIsCancelled() {
		AtomicReference<Connection> held = new AtomicReference<>();
		// A transaction's work under way on the connection when its request is cancelled.
		Disposable request = this.connections.create().doOnNext(held::set).flatMap((connection) -> Mono.never())
			.subscribe();
		awaitConnection(held);
		request.dispose();
		assertThatException().as("the only connection is still held")
			.isThrownBy(() -> this.connections.create().block(Duration.ofMillis(300)));
		Mono.from(held.get().close()).block();
		assertThat(this.connections.create().block(Duration.ofSeconds(2))).isNotNull();
	}

	@Test
	void withoutItThePoolGaveTheConnectionToTheNextBorrowerAtOnce() {
		AtomicReference<Connection> held = new AtomicReference<>();
		Disposable request = this.pool.create().doOnNext(held::set).flatMap((connection) -> Mono.never()).subscribe();
		awaitConnection(held);
		request.dispose();
		// The behaviour HeldConnections exists for: the holder still uses the connection, and another borrower has it.
		assertThat(this.pool.create().block(Duration.ofSeconds(2))).isNotNull();
	}

	@Test
	void aConnectionThatArrivesAfterItsRequesterGaveUpGoesBackToThePool() {
		Connection first = this.connections.create().block(Duration.ofSeconds(2));
		// Waits for the only connection, then gives up before it comes.
		Disposable impatient = this.connections.create().subscribe();
		impatient.dispose();
		Mono.from(first.close()).block();
		assertThat(this.connections.create().block(Duration.ofSeconds(2))).as("not leaked").isNotNull();
	}

	private static void awaitConnection(AtomicReference<Connection> held) {
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (held.get() == null && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(held).as("the connection was handed out").doesNotHaveNullValue();
	}

	private static ConnectionPool onePool() {
		ConnectionFactory factory = mock(ConnectionFactory.class);
		ConnectionFactoryMetadata metadata = () -> "stub";
		given(factory.getMetadata()).willReturn(metadata);
		given(factory.create()).willAnswer((invocation) -> Mono.fromSupplier(HeldConnectionsTests::connection));
		return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
			.initialSize(0)
			.maxSize(1)
			.maxAcquireTime(Duration.ofSeconds(5))
			.build());
	}

	private static Connection connection() {
		Connection connection = mock(Connection.class);
		given(connection.close()).willAnswer((invocation) -> Mono.empty());
		given(connection.validate(any(ValidationDepth.class))).willAnswer((invocation) -> Mono.just(true));
		return connection;
	}

}
