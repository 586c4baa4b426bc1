package cn.partybuilding.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.personaldata.BlindIndex;
import cn.partybuilding.personaldata.PersonalDataCipher;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Stores and finds accounts. Phone numbers arrive in canonical form and are kept
 * encrypted, bound to the account id, with a blind index for lookups and uniqueness.
 */
@Service
public class Accounts {

	private final DatabaseClient db;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	Accounts(DatabaseClient db, PersonalDataCipher cipher, BlindIndex index) {
		this.db = db;
		this.cipher = cipher;
		this.index = index;
	}

	/**
	 * Creates an account; {@code PHONE_TAKEN} when another account has the phone number.
	 */
	public Mono<Void> create(UUID id, String canonicalPhone, @Nullable String passwordHash) {
		return this.db.sql("""
				INSERT INTO accounts (id, phone_cipher, phone_index, password_hash)
				VALUES (:id, :cipher, :index, :hash)
				ON CONFLICT ON CONSTRAINT accounts_phone_unique DO NOTHING
				RETURNING id""")
			.bind("id", id)
			.bind("cipher", this.cipher.encrypt(canonicalPhone, id))
			.bind("index", this.index.phone(canonicalPhone))
			.bind("hash", Parameters.nullable(passwordHash, String.class))
			.map((row) -> row.get("id", UUID.class))
			.one()
			.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.PHONE_TAKEN)))
			.then();
	}

	public Mono<Account> findByPhone(String canonicalPhone) {
		return this.db.sql("SELECT id, password_hash FROM accounts WHERE phone_index = :index")
			.bind("index", this.index.phone(canonicalPhone))
			.map((row) -> new Account(row.get("id", UUID.class), row.get("password_hash", String.class)))
			.one();
	}

	public Mono<Account> findByOpenid(String openid) {
		return this.db.sql("SELECT id, password_hash FROM accounts WHERE openid_index = :index")
			.bind("index", this.index.openid(openid))
			.map((row) -> new Account(row.get("id", UUID.class), row.get("password_hash", String.class)))
			.one();
	}

	/**
	 * Binds a WeChat openid to the account (replacing an earlier one);
	 * {@code WECHAT_ALREADY_BOUND} when another account has it.
	 */
	public Mono<Void> bindOpenid(UUID id, String openid) {
		return this.db.sql("UPDATE accounts SET openid_index = :index, openid_cipher = :cipher WHERE id = :id "
				+ "AND NOT EXISTS (SELECT 1 FROM accounts other WHERE other.openid_index = :index AND other.id <> :id)")
			.bind("index", this.index.openid(openid))
			.bind("cipher", this.cipher.encrypt(openid.getBytes(StandardCharsets.UTF_8), openidContext(id)))
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.flatMap((updated) -> (updated == 1) ? Mono.<Void>empty()
					: Mono.error(new DomainException(ErrorCode.WECHAT_ALREADY_BOUND)));
	}

	/**
	 * The WeChat openid kept (encrypted, bound to the account) for addressing subscribe
	 * messages, from the {@code openid_cipher} column of the account's row.
	 */
	public String openid(byte[] cipher, UUID id) {
		return new String(this.cipher.decrypt(cipher, openidContext(id)), StandardCharsets.UTF_8);
	}

	private static byte[] openidContext(UUID id) {
		return ("openid:" + id).getBytes(StandardCharsets.UTF_8);
	}

	/** The account's phone number in clear, for its owner and for sending messages. */
	public Mono<String> phoneOf(UUID id) {
		return this.db.sql("SELECT phone_cipher FROM accounts WHERE id = :id")
			.bind("id", id)
			.map((row) -> this.cipher.decrypt(row.get("phone_cipher", byte[].class), id))
			.one();
	}

	public Mono<Void> changePassword(UUID id, String passwordHash) {
		return this.db.sql("UPDATE accounts SET password_hash = :hash WHERE id = :id")
			.bind("hash", passwordHash)
			.bind("id", id)
			.then();
	}

	/**
	 * The roles granted to the account, without the MEMBER role that membership itself
	 * confers.
	 */
	public Mono<List<RoleGrant>> grantsOf(UUID id) {
		return this.db.sql("SELECT role, scope_id FROM role_grants WHERE account_id = :id ORDER BY granted_at, role")
			.bind("id", id)
			.map((row) -> new RoleGrant(Role.valueOf(row.get("role", String.class)), row.get("scope_id", UUID.class)))
			.all()
			.collectList();
	}

	/**
	 * The accounts holding {@code role} scoped to exactly {@code scope}, e.g. the
	 * secretaries of a branch.
	 */
	public reactor.core.publisher.Flux<UUID> holdersOf(Role role, UUID scope) {
		return this.db.sql("SELECT account_id FROM role_grants WHERE role = :role AND scope_id = :scope")
			.bind("role", role.name())
			.bind("scope", scope)
			.map((row) -> row.get("account_id", UUID.class))
			.all();
	}

	/** Takes a role away; {@code false} when the account did not hold it. */
	public Mono<Boolean> revoke(UUID id, Role role, @Nullable UUID scope) {
		return this.db.sql("""
				DELETE FROM role_grants WHERE account_id = :id AND role = :role
				AND coalesce(scope_id, '00000000-0000-0000-0000-000000000000') = :scope""")
			.bind("id", id)
			.bind("role", role.name())
			.bind("scope", (scope != null) ? scope : new UUID(0, 0))
			.fetch()
			.rowsUpdated()
			.map((deleted) -> deleted > 0);
	}

	/** Grants a role; granting one the account already holds changes nothing. */
	public Mono<Void> grant(UUID id, Role role, @Nullable UUID scope) {
		if (role == Role.MEMBER) {
			throw new IllegalArgumentException("MEMBER comes with membership and is not granted");
		}
		return this.db.sql("""
				INSERT INTO role_grants (account_id, role, scope_id) VALUES (:id, :role, :scope)
				ON CONFLICT DO NOTHING""")
			.bind("id", id)
			.bind("role", role.name())
			.bind("scope", Parameters.nullable(scope, UUID.class))
			.then();
	}

}
