package cn.partybuilding.system;

/** Opens {@link MasterKey}'s constructor to tests in other packages. */
public final class MasterKeys {

	private MasterKeys() {
	}

	public static MasterKey of(PartySettings settings) {
		return new MasterKey(settings);
	}

}
