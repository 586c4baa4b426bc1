package cn.partybuilding.personaldata;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;

import static org.assertj.core.api.Assertions.assertThat;

/** A dump of the tables that hold people shows no phone number in clear. */
@IntegrationTest
class PersonalDataAtRestIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	TestDistrict district;

	@Test
	void noPhoneNumberIsStoredInClear() {
		TestDistrict d = this.district;
		List<String> phones = List.of(d.memberA.phone(), d.secretaryA.phone(), d.orgAdmin.phone(),
				d.foreignMember.phone());
		String dump = String.join("\n", dump("accounts"), dump("members"), dump("role_grants"), dump("refresh_tokens"),
				dump("idempotency_keys"));
		assertThat(dump).contains(this.district.memberA.id().toString());
		for (String phone : phones) {
			assertThat(dump).doesNotContain(phone).doesNotContain(phone.substring(3));
		}
	}

	/**
	 * The table as text, as a backup would show it (bytea as hex, everything else as
	 * written).
	 */
	private String dump(String table) {
		return String.join("\n",
				this.db.sql("SELECT row_to_json(t)::text AS line FROM " + table + " t")
					.map((row) -> row.get("line", String.class))
					.all()
					.collectList()
					.block());
	}

}
