package cn.partybuilding.base;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** The bases, for other features: finding one, and registering one with a chosen id (demo data). */
@Service
public class Bases {

	private final BaseRepository repository;

	Bases(BaseRepository repository) {
		this.repository = repository;
	}

	/** The base with its current menu; empty when there is none. */
	public Mono<Base> find(UUID id) {
		return this.repository.find(id);
	}

	/**
	 * The base, share-locked until the surrounding transaction ends; take it before holding or giving back seats,
	 * so a concurrent change of the base's capacity or hours waits for the booking (and the other way round).
	 */
	public Mono<Base> findForSeats(UUID id) {
		return this.repository.findShared(id);
	}

	/** Stores a new base; an existing base with the same id is left as it is (false). */
	public Mono<Boolean> register(Base base) {
		return this.repository.insert(base);
	}

}
