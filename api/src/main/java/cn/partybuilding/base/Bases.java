package cn.partybuilding.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.checkin.CheckInCodes;
import cn.partybuilding.personaldata.PersonalDataCipher;

/**
 * The bases, for other features: finding one, the secret of its check-in codes, and
 * registering one with a chosen id (demo data).
 */
@Service
public class Bases {

	private static final byte[] CODE_SECRET_CONTEXT = "base-code-secret:".getBytes(StandardCharsets.US_ASCII);

	private final BaseRepository repository;

	private final PersonalDataCipher cipher;

	Bases(BaseRepository repository, PersonalDataCipher cipher) {
		this.repository = repository;
		this.cipher = cipher;
	}

	/** The base with its current menu; empty when there is none. */
	public Mono<Base> find(UUID id) {
		return this.repository.find(id);
	}

	/**
	 * The base, share-locked until the surrounding transaction ends; take it before
	 * holding or giving back seats, so a concurrent change of the base's capacity or
	 * hours waits for the booking (and the other way round).
	 */
	public Mono<Base> findForSeats(UUID id) {
		return this.repository.findShared(id);
	}

	/**
	 * The secret the base's rotating check-in codes are derived from: random, stored
	 * encrypted, never sent anywhere. A base gets it the first time it is needed (bases
	 * made before check-ins at bases existed have none); empty when there is no such
	 * base.
	 */
	public Mono<byte[]> checkInSecret(UUID id) {
		return this.repository.sealedCodeSecret(id)
			.switchIfEmpty(Mono.defer(() -> this.repository.find(id)
				.flatMap((base) -> this.repository
					.offerCodeSecret(id, this.cipher.encrypt(CheckInCodes.newSecret(), context(id)))
					// Another instance may have given it one in between: the stored one
					// counts.
					.then(this.repository.sealedCodeSecret(id)))))
			.map((sealed) -> this.cipher.decrypt(sealed, context(id)));
	}

	/** Stores a new base; an existing base with the same id is left as it is (false). */
	public Mono<Boolean> register(Base base) {
		return this.repository.insert(base);
	}

	/**
	 * Binds a sealed secret to its base, and tells it from an activity's even for the
	 * same id.
	 */
	private static byte[] context(UUID id) {
		return ByteBuffer.allocate(CODE_SECRET_CONTEXT.length + 16)
			.put(CODE_SECRET_CONTEXT)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}
