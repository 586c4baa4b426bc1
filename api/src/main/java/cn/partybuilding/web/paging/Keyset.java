package cn.partybuilding.web.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * The order of a list as SQL sees it: the columns it sorts by, all ascending or all
 * descending, each with the type its cursor value is read back as. A repository writes
 * its query as {@code … WHERE <filters>} + {@link #condition(PageRequest)} +
 * {@link #orderAndLimit()} and binds it with {@link #bind}:
 *
 * <pre class="code">
 * private static final Keyset BY_START = Keyset.ascending(Keyset.instant("starts_at"), Keyset.uuid("id"));
 *
 * var spec = this.db.sql("SELECT … FROM activities WHERE org_id = :org" + BY_START.condition(page)
 * 		+ BY_START.orderAndLimit());
 * return BY_START.bind(spec.bind("org", orgId), page).map(…).all();
 * </pre>
 *
 * The last column must make the order total (an id), so that no two rows share a
 * position. A cursor whose position does not fit the keyset is refused as a bad
 * {@code cursor} (400), never passed on to the database.
 */
public final class Keyset {

	private final List<Column<?>> columns;

	/** The condition after a position, the same for every page: written once. */
	private final String after;

	private final String orderAndLimit;

	private Keyset(List<Column<?>> columns, boolean descending) {
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("A keyset has at least one column");
		}
		this.columns = List.copyOf(columns);
		String left = columns.stream().map(Column::expression).collect(Collectors.joining(", "));
		String right = IntStream.range(0, columns.size())
			.mapToObj((i) -> ":after" + i)
			.collect(Collectors.joining(", "));
		this.after = " AND (" + left + ") " + (descending ? "<" : ">") + " (" + right + ")";
		String direction = descending ? " DESC" : "";
		this.orderAndLimit = columns.stream()
			.map((column) -> column.expression() + direction)
			.collect(Collectors.joining(", ", " ORDER BY ", " LIMIT :limit"));
	}

	/** Smallest first. */
	public static Keyset ascending(Column<?>... columns) {
		return new Keyset(List.of(columns), false);
	}

	/** Largest (newest) first. */
	public static Keyset descending(Column<?>... columns) {
		return new Keyset(List.of(columns), true);
	}

	/** A column whose position value is a UUID. */
	public static Column<UUID> uuid(String expression) {
		return new Column<>(expression, UUID::fromString);
	}

	/** A column whose position value is an instant (ISO-8601). */
	public static Column<Instant> instant(String expression) {
		return new Column<>(expression, Instant::parse);
	}

	/**
	 * A column whose position value is a floating-point number (a distance, for
	 * instance).
	 */
	public static Column<Double> real(String expression) {
		return new Column<>(expression, Double::valueOf);
	}

	/**
	 * {@code " AND (c1, c2) > (:after0, :after1)"} ({@code <} when descending) after the
	 * page's position; nothing on the first page.
	 */
	public String condition(PageRequest page) {
		return page.isFirst() ? "" : this.after;
	}

	/**
	 * {@code " ORDER BY c1, c2 LIMIT :limit"} ({@code DESC} on every column when
	 * descending).
	 */
	public String orderAndLimit() {
		return this.orderAndLimit;
	}

	/**
	 * Binds {@code :limit} (one more row than the page holds) and, after the first page,
	 * the position.
	 */
	public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, PageRequest page) {
		DatabaseClient.GenericExecuteSpec bound = spec.bind("limit", page.fetchSize());
		if (page.isFirst()) {
			return bound;
		}
		List<Object> position = position(page);
		for (int i = 0; i < position.size(); i++) {
			bound = bound.bind("after" + i, position.get(i));
		}
		return bound;
	}

	/** The page's position as typed values; a 400 on the cursor when it does not fit. */
	List<Object> position(PageRequest page) {
		if (page.after().size() != this.columns.size()) {
			throw badCursor();
		}
		try {
			return IntStream.range(0, this.columns.size())
				.<Object>mapToObj((i) -> this.columns.get(i).reader().apply(page.after(i)))
				.toList();
		}
		catch (RuntimeException ex) {
			throw badCursor();
		}
	}

	private static DomainException badCursor() {
		return DomainException.invalid(Violation.of("cursor", "cursor"));
	}

	/**
	 * One column of the order.
	 *
	 * @param expression the column as the query names it ({@code a.starts_at})
	 * @param reader reads its value back from the cursor
	 */
	public record Column<T>(String expression, Function<String, T> reader) {
	}

}
