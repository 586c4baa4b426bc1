package cn.partybuilding.points.intake;

import java.util.Map;
import java.util.Objects;

/**
 * A feature's own {@code INSERT … RETURNING}, for {@link PointsIntake#recordAlong}, which
 * runs it in one statement with the points events of the rows it inserted. Its
 * {@code RETURNING} gives one column, {@code key}: for each row inserted, the key its
 * event goes with.
 *
 * @param sql the insert, with named parameters ({@code :name})
 * @param bindings the values of its parameters; no name may start with {@code points},
 * which the intake's own parameters do
 */
public record ReturningKeys(String sql, Map<String, Object> bindings) {

	public ReturningKeys {
		Objects.requireNonNull(sql, "sql");
		bindings.keySet().forEach((name) -> {
			if (name.startsWith(EventInsertRepository.PARAMETER_PREFIX)) {
				throw new IllegalArgumentException("Parameter names starting with '"
						+ EventInsertRepository.PARAMETER_PREFIX + "' are the intake's own: " + name);
			}
		});
		bindings = Map.copyOf(bindings);
	}

}
