package cn.partybuilding.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.DefaultApplicationArguments;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.system.PartySettings;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Two instances started together both load the demo district: the one that comes second
 * finds members registered under its feet and must carry on rather than fail its start
 * (seen with deploy/compose.yaml's two instances).
 */
class DemoDistrictTests {

	@TempDir
	Path dataDir;

	private final Members members = mock(Members.class);

	/** Members "the other instance" has registered. */
	private final Set<UUID> registered = ConcurrentHashMap.newKeySet();

	@Test
	void aMemberRegisteredMeanwhileByAnotherInstanceIsTakenAsLoaded() throws Exception {
		// Every registration loses the race: the other instance committed the member just
		// before.
		given(this.members.register(any())).willAnswer((invocation) -> {
			this.registered.add(invocation.getArgument(0, NewMember.class).id());
			return Mono.error(new DomainException(ErrorCode.PHONE_TAKEN));
		});

		demoDistrict().run(new DefaultApplicationArguments());

		assertThat(this.registered).hasSize(41);
		assertThat(Files.readString(this.dataDir.resolve("demo-logins.txt"))).contains("13800000002");
	}

	@Test
	void aFailedRegistrationOfAMemberStillMissingFailsTheLoad() {
		given(this.members.register(any())).willReturn(Mono.error(new IllegalStateException("database down")));

		assertThatThrownBy(() -> demoDistrict().run(new DefaultApplicationArguments()))
			.hasMessageContaining("database down");
	}

	private DemoDistrict demoDistrict() {
		given(this.members.exists(any()))
			.willAnswer((invocation) -> Mono.just(this.registered.contains(invocation.getArgument(0, UUID.class))));
		OrgTree tree = mock(OrgTree.class);
		given(tree.add(any(), any(), anyString(), any(), any()))
			.willAnswer((invocation) -> Mono.just(new OrgUnit(invocation.getArgument(0), invocation.getArgument(1),
					invocation.getArgument(2), invocation.getArgument(3), invocation.getArgument(4), List.of())));
		Accounts accounts = mock(Accounts.class);
		given(accounts.grant(any(), any(), any())).willReturn(Mono.empty());
		Passwords passwords = mock(Passwords.class);
		given(passwords.hash(anyString())).willReturn(Mono.just("{noop}hash"));
		PartySettings settings = mock(PartySettings.class);
		given(settings.dataDir()).willReturn(this.dataDir);
		Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		return new DemoDistrict(tree, this.members, accounts, passwords, settings, clock);
	}

}
