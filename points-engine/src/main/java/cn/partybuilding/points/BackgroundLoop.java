package cn.partybuilding.points;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import org.springframework.context.SmartLifecycle;

/**
 * A loop that runs while the application does, on instances that run it: subscribed at
 * most once when started, disposed of when stopped. A worker says only whether it runs
 * here and how its loop is subscribed.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

	private volatile @Nullable Disposable running;

	@Override
	public synchronized void start() {
		if (this.running == null && runsHere()) {
			this.running = subscribe();
		}
	}

	@Override
	public synchronized void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/** Whether this instance runs the loop (workers may be disabled on some). */
	protected abstract boolean runsHere();

	/**
	 * Subscribes the loop; the subscription is disposed of when the application stops.
	 */
	protected abstract Disposable subscribe();

}
