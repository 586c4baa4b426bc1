package cn.partybuilding.auth;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.notification.sms.SmsMessage;
import cn.partybuilding.notification.sms.SmsSender;
import cn.partybuilding.personaldata.PhoneNumbers;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Logging in with a password or an SMS code. An unknown phone and a wrong password give
 * the same 401 after the same work; every attempt takes from the phone's and the
 * address's budgets before anything is checked ({@link LoginThrottle}); an SMS code is
 * sent only to a registered phone, but the answer does not say whether it is one.
 */
@Service
class Logins {

	private final Accounts accounts;

	private final Passwords passwords;

	private final LoginThrottle throttle;

	private final SmsCodes codes;

	private final SmsSender sms;

	private final Sessions sessions;

	Logins(Accounts accounts, Passwords passwords, LoginThrottle throttle, SmsCodes codes, SmsSender sms,
			Sessions sessions) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.codes = codes;
		this.sms = sms;
		this.sessions = sessions;
	}

	Mono<TokenPair> withPassword(String phoneInput, String password, String address) {
		String phone = canonical(phoneInput);
		return this.throttle.begin(phone, address)
			.flatMap((attempt) -> this.accounts.findByPhone(phone)
				.flatMap((account) -> this.passwords.matches(password, account.passwordHash())
					.filter(Boolean::booleanValue)
					.map((matched) -> account))
				// An unknown phone is checked against a decoy hash: same work, same
				// answer.
				.switchIfEmpty(this.passwords.matches(password, null).then(Mono.empty()))
				.flatMap((account) -> this.throttle.succeeded(attempt).then(this.sessions.start(account.id())))
				.switchIfEmpty(badCredentials()));
	}

	/**
	 * Sends a login code to a registered phone; the answer is the same for any phone.
	 * Without an SMS gateway no code can reach anyone: 503 {@code SMS_UNAVAILABLE} (codes
	 * go to the log only where a developer switched that on).
	 */
	Mono<Void> sendCode(String phoneInput, String address) {
		String phone = canonical(phoneInput);
		if (!this.sms.deliversLoginCodes()) {
			return Mono.error(new DomainException(ErrorCode.SMS_UNAVAILABLE));
		}
		return this.throttle.takeSms(phone, address)
			.then(this.accounts.findByPhone(phone))
			.flatMap((account) -> this.codes.issue(phone))
			.flatMap((code) -> this.sms
				.send(new SmsMessage(Ids.newId().toString(), phone, SmsMessage.LOGIN_CODE, Map.of("code", code)))
				.onErrorMap((ex) -> new DomainException(ErrorCode.SERVICE_UNAVAILABLE)));
	}

	Mono<TokenPair> withSmsCode(String phoneInput, String code, String address) {
		String phone = canonical(phoneInput);
		return this.throttle.begin(phone, address)
			.flatMap((attempt) -> this.codes.verify(phone, code)
				.filter(Boolean::booleanValue)
				.flatMap((verified) -> this.accounts.findByPhone(phone))
				.flatMap((account) -> this.throttle.succeeded(attempt).then(this.sessions.start(account.id())))
				.switchIfEmpty(badCredentials()));
	}

	/** A failed attempt keeps what it took from the budgets. */
	static <T> Mono<T> badCredentials() {
		return Mono.error(() -> new DomainException(ErrorCode.BAD_CREDENTIALS));
	}

	static String canonical(String phone) {
		return PhoneNumbers.normalize(phone).orElseThrow(() -> DomainException.invalid(Violation.of("phone", "phone")));
	}

}
