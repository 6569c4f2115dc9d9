package jp.shisakunavi.staff.chat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.staff.Invitation;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.IssuedInvitation;
import jp.shisakunavi.system.LineCredentials;
import jp.shisakunavi.system.StartupNotice;

/**
 * In local mode (no LINE credentials: the simulator is the only chat), a demo invitation for 多治見市's department
 * with the most measures in its newest plan that names departments, printed in the start-up banner, so that a
 * newcomer registers as staff in the simulator at once. The previous start's demo invitation, if unused, is
 * revoked. Nothing of it happens with LINE.
 */
@Component
class DemoInvitation implements StartupNotice {

	private static final Logger log = LoggerFactory.getLogger(DemoInvitation.class);
	static final String MUNICIPALITY = "多治見市";
	static final String NAME = "デモ職員";

	private final Invitations invitations;
	private final Plans plans;
	private final LineCredentials line;
	private volatile IssuedInvitation issued;

	DemoInvitation(Invitations invitations, Plans plans, LineCredentials line) {
		this.invitations = invitations;
		this.plans = plans;
		this.line = line;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(-1)
	void issue() {
		if (line.configured()) {
			return;
		}
		Optional<String> department = department();
		if (department.isEmpty()) {
			log.info("No demo staff invitation: no plan of {} names departments", MUNICIPALITY);
			return;
		}
		Instant now = invitations.now();
		invitations.list(MUNICIPALITY).stream()
			.filter(i -> NAME.equals(i.name()) && i.status(now) == Invitation.Status.OPEN)
			.forEach(i -> invitations.revoke(i.id()));
		issued = invitations.issue(new InvitationRequest(MUNICIPALITY, List.of(department.get()), StaffRole.REPORTER, NAME),
				"system:demo");
	}

	@Override
	public List<String> lines(String baseUrl) {
		IssuedInvitation demo = issued;
		if (demo == null) {
			return List.of();
		}
		return List.of("Demo staff invitation (simulator): send 「" + demo.message() + "」 to register as "
				+ demo.invitation().municipality() + " " + String.join("・", demo.invitation().departments()) + " (担当)");
	}

	/** The department named for the most measures in the newest plan of the city that names any. */
	private Optional<String> department() {
		return plans.all().stream()
			.filter(p -> p.municipality().equals(MUNICIPALITY))
			.sorted(Comparator.comparing((Plan p) -> p.period().from()).reversed())
			.map(p -> plans.measuresOf(p.id()).stream()
				.flatMap(m -> m.departmentNames().distinct())
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
			.filter(counts -> !counts.isEmpty())
			.findFirst()
			.flatMap(counts -> counts.entrySet().stream()
				.max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
				.map(Map.Entry::getKey));
	}
}
