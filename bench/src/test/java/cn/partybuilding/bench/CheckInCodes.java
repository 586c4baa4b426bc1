package cn.partybuilding.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps each activity's current check-in code, as the secretary's screen would: codes rotate every 30 s (the previous
 * one stays valid 30 s more), so it asks {@code GET /activities/{id}/checkin-code} every 20 s. The request bodies read
 * the code from here.
 */
final class CheckInCodes implements AutoCloseable {

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "checkin-codes");
		thread.setDaemon(true);
		return thread;
	});

	private final String baseUrl;

	private final Supplier<String> token;

	private final List<String> activities;

	CheckInCodes(String baseUrl, Supplier<String> token, List<String> activities) {
		this.baseUrl = baseUrl;
		this.token = token;
		this.activities = activities;
	}

	/** Fetches every code now (failing loudly if the server refuses), then every 20 s in the background. */
	void start() {
		refresh();
		this.timer.scheduleAtFixedRate(() -> {
			try {
				refresh();
			}
			catch (RuntimeException ex) {
				System.err.println("Could not refresh check-in codes: " + ex);
			}
		}, 20, 20, TimeUnit.SECONDS);
	}

	String current(String activityId) {
		return this.codes.get(activityId);
	}

	private void refresh() {
		String bearer = "Bearer " + this.token.get();
		for (String activity : this.activities) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(this.baseUrl + "/api/v1/activities/" + activity + "/checkin-code"))
				.header("Authorization", bearer)
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build();
			try {
				HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
				Matcher code = CODE.matcher(response.body());
				if (response.statusCode() != 200 || !code.find()) {
					throw new IllegalStateException("GET checkin-code of " + activity + " answered "
							+ response.statusCode());
				}
				this.codes.put(activity, code.group(1));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.client.close();
	}

}
