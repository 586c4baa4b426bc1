package cn.partybuilding.notification;

import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;

/** Values for the notifier's SQL parameters. */
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

}
