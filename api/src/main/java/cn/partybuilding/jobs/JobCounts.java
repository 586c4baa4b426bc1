package cn.partybuilding.jobs;

/**
 * How far a run got.
 *
 * @param processed items looked at
 * @param created effects created (notifications, for instance): zero when everything had
 * been done before
 */
public record JobCounts(long processed, long created) {

	public static final JobCounts NONE = new JobCounts(0, 0);

	public JobCounts plus(long processed, long created) {
		return new JobCounts(this.processed + processed, this.created + created);
	}

}
