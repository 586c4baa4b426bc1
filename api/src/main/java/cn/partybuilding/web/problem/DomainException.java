package cn.partybuilding.web.problem;

import java.util.List;
import java.util.Map;

/**
 * A business fact that stops a request, named by a stable {@link ErrorCode}. It carries
 * no HTTP: the problem handler decides how it travels. No stack trace is filled in: these
 * are answers, not bugs, and some come in bursts.
 */
public class DomainException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode code;

	private final transient Object[] args;

	private final transient List<Violation> violations;

	private final transient Map<String, Object> properties;

	public DomainException(ErrorCode code, Object... args) {
		this(code, List.of(), Map.of(), args);
	}

	public DomainException(ErrorCode code, List<Violation> violations, Map<String, Object> properties, Object... args) {
		super(code.name(), null, false, false);
		this.code = code;
		this.args = args;
		this.violations = List.copyOf(violations);
		this.properties = Map.copyOf(properties);
	}

	/**
	 * The resource does not exist or lies outside what the caller may see: both answer
	 * the same.
	 */
	public static DomainException notFound() {
		return new DomainException(ErrorCode.NOT_FOUND);
	}

	/** The caller may see the resource but their role does not allow this action. */
	public static DomainException forbidden() {
		return new DomainException(ErrorCode.FORBIDDEN);
	}

	/**
	 * A state transition that the current state does not allow, e.g. approving a
	 * cancelled reservation.
	 */
	public static DomainException illegalState(String from, String action) {
		return new DomainException(ErrorCode.ILLEGAL_STATE, List.of(), Map.of("state", from, "action", action), from,
				action);
	}

	/**
	 * The request is well-formed but a field breaks a rule;
	 * {@code 400 VALIDATION_FAILED}.
	 */
	public static DomainException invalid(Violation... violations) {
		return new DomainException(ErrorCode.VALIDATION_FAILED, List.of(violations), Map.of());
	}

	public ErrorCode code() {
		return this.code;
	}

	public Object[] args() {
		return this.args;
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/** Extra members of the problem body, e.g. {@code retryAfterSeconds}. */
	public Map<String, Object> properties() {
		return this.properties;
	}

}
