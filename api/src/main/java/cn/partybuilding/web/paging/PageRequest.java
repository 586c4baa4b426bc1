package cn.partybuilding.web.paging;

import java.util.List;
import java.util.function.Function;

/**
 * Which page a list request asks for: at most {@link #limit()} items after the keyset
 * position {@link #after()} (empty for the first page). Repositories fetch
 * {@code limit + 1} rows in the list's order, strictly after the position, and hand them
 * to {@link #page}; the extra row only tells whether there is a next page. Keyset
 * positions make pages stable while rows are inserted concurrently: nothing is skipped or
 * repeated.
 */
public final class PageRequest {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	private final int limit;

	private final List<String> after;

	private final Function<List<String>, String> cursorWriter;

	PageRequest(int limit, List<String> after, Function<List<String>, String> cursorWriter) {
		this.limit = limit;
		this.after = List.copyOf(after);
		this.cursorWriter = cursorWriter;
	}

	/**
	 * A request for the first page outside of HTTP, e.g. for jobs that walk a whole list.
	 */
	public static PageRequest first(int limit) {
		return new PageRequest(limit, List.of(), (position) -> String.join(",", position));
	}

	public int limit() {
		return this.limit;
	}

	/** How many rows to fetch: one more than the page holds. */
	public int fetchSize() {
		return this.limit + 1;
	}

	/** The keyset position to continue after; empty for the first page. */
	public List<String> after() {
		return this.after;
	}

	public boolean isFirst() {
		return this.after.isEmpty();
	}

	/**
	 * The value at index {@code i} of the position; callers check {@link #isFirst()}
	 * first.
	 */
	public String after(int i) {
		return this.after.get(i);
	}

	/**
	 * The page from {@code fetched} rows (up to {@link #fetchSize()}), with a cursor
	 * after the last item kept when there are more.
	 */
	public <T> Page<T> page(List<T> fetched, Function<? super T, List<String>> position) {
		if (fetched.size() <= this.limit) {
			return new Page<>(List.copyOf(fetched), null);
		}
		List<T> items = List.copyOf(fetched.subList(0, this.limit));
		return new Page<>(items, this.cursorWriter.apply(position.apply(items.get(items.size() - 1))));
	}

}
