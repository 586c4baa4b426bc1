package cn.partybuilding.notification.birthday;

/**
 * Progress of a run: members (or branches) looked at, notifications created.
 *
 * @param processed looked at
 * @param created notifications created (zero for those greeted before)
 */
public record Tally(long processed, long created) {

	public Tally plus(Tally other) {
		return new Tally(this.processed + other.processed, this.created + other.created);
	}

}
