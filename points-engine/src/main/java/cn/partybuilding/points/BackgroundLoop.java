package cn.partybuilding.points;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The subscription of a loop that runs while the application does: subscribed at most once, disposed of on stop. A
 * worker's {@code SmartLifecycle} says only how its loop starts.
 */
public final class BackgroundLoop {

	private volatile @Nullable Disposable running;

	/** Subscribes the loop unless it runs already. */
	public synchronized void start(Supplier<Disposable> loop) {
		if (this.running == null) {
			this.running = loop.get();
		}
	}

	/** Disposes of the loop if it runs; a later {@link #start} subscribes a new one. */
	public synchronized void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
			this.running = null;
		}
	}

	public boolean isRunning() {
		return this.running != null;
	}

}
