package cn.partybuilding.points;

import java.util.List;
import java.util.function.Function;

import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;

/** Values for the points tables' SQL parameters. */
public final class SqlParameters {

	private SqlParameters() {
	}

	/**
	 * The value, or a {@code NULL} of the type when there is none: R2DBC binds no untyped
	 * {@code null}.
	 */
	public static Object nullable(@Nullable Object value, Class<?> type) {
		return (value != null) ? value : Parameters.in(type);
	}

	/**
	 * One text per item, for a {@code text[]} parameter that {@code unnest} turns back
	 * into rows.
	 */
	public static <T> String[] texts(List<T> items, Function<T, @Nullable String> text) {
		return items.stream().map(text).toArray(String[]::new);
	}

}
