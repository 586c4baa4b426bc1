package cn.partybuilding.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * What {@code bench/checkin} seeded, read from its work directory: the members (id and branch, in seeding order), the
 * activities of a phase, the secretary, and the signing key. Hands out (member, activity) pairs that were never used,
 * each with the member's access token, so every virtual user makes a real first check-in.
 */
final class BenchData {

	final List<Member> members;

	final List<String> activities;

	final UUID secretary;

	final UUID root;

	private final String[] tokens;

	private final BenchKeys keys;

	BenchData(Path dir, String activitySet) throws Exception {
		this.keys = BenchKeys.load(dir);
		this.members = Files.readAllLines(dir.resolve("members.csv"))
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> line.split(","))
			.map((cells) -> new Member(UUID.fromString(cells[0]), UUID.fromString(cells[1])))
			.toList();
		this.activities = lines(dir.resolve("activities-" + activitySet + ".txt"));
		List<String> secretaryLine = lines(dir.resolve("secretary.txt"));
		this.secretary = UUID.fromString(secretaryLine.get(0));
		this.root = UUID.fromString(secretaryLine.get(1));
		// Signed before the load starts, so the load generator spends no CPU on it while measuring.
		Instant expires = Instant.now().plusSeconds(3600);
		this.tokens = new String[this.members.size()];
		for (int i = 0; i < this.tokens.length; i++) {
			Member member = this.members.get(i);
			this.tokens[i] = this.keys.sign(member.id(), "MEMBER", member.branch(), member.branch(), expires);
		}
	}

	String secretaryToken() {
		return this.keys.sign(this.secretary, "SECRETARY", this.root, null, Instant.now().plusSeconds(3600));
	}

	/**
	 * Pairs in the order activity 0..A-1 for member 0, then for member 1, and so on: consecutive check-ins go to
	 * different activities and different members, none twice.
	 */
	Iterator<Map<String, Object>> pairs() {
		int activityCount = this.activities.size();
		long total = (long) activityCount * this.members.size();
		return new Iterator<>() {

			private long next;

			@Override
			public boolean hasNext() {
				return this.next < total;
			}

			@Override
			public Map<String, Object> next() {
				if (!hasNext()) {
					throw new NoSuchElementException("all " + total + " (member, activity) pairs are used");
				}
				long k = this.next++;
				int member = (int) (k / activityCount);
				// Each member checks in from a phone of their own: one device checks in one member per activity.
				return Map.of("activityId", BenchData.this.activities.get((int) (k % activityCount)), "token",
						BenchData.this.tokens[member], "device", "bench-phone-" + member);
			}

		};
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::trim).filter((line) -> !line.isEmpty()).toList();
	}

	record Member(UUID id, UUID branch) {
	}

}
