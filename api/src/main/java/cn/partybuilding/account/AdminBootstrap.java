package cn.partybuilding.account;

import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.partybuilding.personaldata.PhoneNumbers;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.system.PartySettings;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Creates the system administrator from {@code PARTY_ADMIN_PHONE} and
 * {@code PARTY_ADMIN_PASSWORD} on start, or brings an existing one in line with them.
 * Several instances starting together end with one administrator.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final PartySettings.Admin admin;

	AdminBootstrap(Accounts accounts, Passwords passwords, PartySettings settings) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.admin = settings.admin();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.admin.configured()) {
			return;
		}
		String phone = PhoneNumbers.normalize(Objects.requireNonNull(this.admin.phone(), "configured() checked it"))
			.orElseThrow(() -> new IllegalStateException("PARTY_ADMIN_PHONE is not a mobile number"));
		String password = Objects.requireNonNull(this.admin.password(), "configured() checked it");
		// Start-up, outside the event loop: blocking here is fine.
		this.accounts.findByPhone(phone)
			.switchIfEmpty(create(phone, password))
			.flatMap((account) -> alignPassword(account, password)
				.then(this.accounts.grant(account.id(), Role.SYS_ADMIN, null)))
			.block(Duration.ofSeconds(30));
		logger.info("System administrator {} is ready", PhoneNumbers.mask(phone));
	}

	private Mono<Account> create(String phone, String password) {
		Account account = new Account(Ids.newId(), this.passwords.hashNow(password));
		return this.accounts.create(account.id(), phone, account.passwordHash())
			.thenReturn(account)
			// Another instance created it a moment ago.
			.onErrorResume((ex) -> ex instanceof DomainException domain && domain.code() == ErrorCode.PHONE_TAKEN,
					(ex) -> this.accounts.findByPhone(phone));
	}

	private Mono<Void> alignPassword(Account account, String password) {
		if (account.passwordHash() != null && this.passwords.matchesNow(password, account.passwordHash())) {
			return Mono.empty();
		}
		return this.accounts.changePassword(account.id(), this.passwords.hashNow(password));
	}

}
