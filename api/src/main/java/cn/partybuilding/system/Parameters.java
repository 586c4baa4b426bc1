package cn.partybuilding.system;

import org.jspecify.annotations.Nullable;

/** Bind values that may be absent: R2DBC needs to know the type of a null. */
public final class Parameters {

	private Parameters() {
	}

	/** The value itself, or a typed null that {@code DatabaseClient.bind} accepts. */
	public static Object nullable(@Nullable Object value, Class<?> type) {
		return (value != null) ? value : io.r2dbc.spi.Parameters.in(type);
	}

}
