package jp.shisakunavi.staff.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.delivery.DailyWindow;
import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.line.Actions;
import jp.shisakunavi.line.Replies;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.ReportReturned;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;
import jp.shisakunavi.users.LineUserId;

/**
 * 差戻し in LINE: the staff member who last saved a returned report is told, with the reviewer's comment and a
 * button that opens the report again. A delivery of its own per return ({@code STAFF-RETURN:<obligation>:<version>}),
 * so that it is sent exactly once, also across a crash; sent at once (a reviewer returns reports in office hours);
 * nothing when the reporter is no longer active staff, or the report came from the web. The notice is ordered when
 * the return is stored and again by a sweep of the returns of the last day (ordering is idempotent by its id), so
 * that a crash between storing a return and ordering its notice loses nothing.
 */
@Component
class ReturnNotices implements DeliveryClient<ReturnNotices.ReturnNotice> {

	static final String KIND = "STAFF-RETURN";

	/** Returns older than this are not told any more after a crash: the reporter has heard of them otherwise. */
	private static final Duration CATCH_UP = Duration.ofDays(1);

	private final Deliveries deliveries;
	private final StaffMembers members;
	private final Obligations obligations;
	private final Duration sweepEvery;
	private Instant lastSweep = Instant.EPOCH;

	ReturnNotices(Deliveries deliveries, StaffMembers members, Obligations obligations,
			@Value("${shisaku.staff.return-sweep:1m}") Duration sweepEvery) {
		this.deliveries = deliveries;
		this.members = members;
		this.obligations = obligations;
		this.sweepEvery = sweepEvery;
	}

	/** @param reporter the LINE user id the notice goes to */
	record ReturnNotice(String obligationId, long version, String reporter, String unitTitle, String comment) {
	}

	@EventListener
	void returned(ReportReturned returned) {
		if (returned.reporter() != null) {
			order(new ReturnNotice(returned.obligationId(), returned.version(), returned.reporter().value(),
					returned.unitTitle(), returned.comment()));
		}
	}

	/** Before a planning pass, at most every {@code sweepEvery}: the returns of the last day, ordered again. */
	@Override
	public synchronized void schedule(Instant now) {
		if (now.isBefore(lastSweep.plus(sweepEvery))) {
			return;
		}
		lastSweep = now;
		for (Obligation returned : obligations.returnedSince(now.minus(CATCH_UP))) {
			if (returned.reporterLineUserId() != null) {
				order(new ReturnNotice(returned.id(), returned.version(), returned.reporterLineUserId(),
						returned.unitTitle(), returned.returnComment()));
			}
		}
	}

	private void order(ReturnNotice notice) {
		deliveries.order(DeliveryOrder.of(KIND + ":" + notice.obligationId() + ":" + notice.version(), KIND, notice,
				DailyWindow.ALWAYS.name()));
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<ReturnNotice> parameterType() {
		return ReturnNotice.class;
	}

	@Override
	public Stream<Recipient> recipients(ReturnNotice notice, LineUserId after) {
		LineUserId reporter = LineUserId.of(notice.reporter());
		boolean active = members.active(reporter).map(StaffMember::active).orElse(false);
		return active && reporter.compareTo(after) > 0 ? Stream.of(new Recipient(reporter, notice.obligationId()))
				: Stream.empty();
	}

	@Override
	public List<Message> render(ReturnNotice notice, String group) {
		return new Replies()
			.text("「" + notice.unitTitle() + "」の報告が差し戻されました。\nコメント：" + (notice.comment() == null
					|| notice.comment().isBlank() ? "（なし）" : notice.comment())
					+ "\n内容を直して、もう一度提出してください。")
			.quickReply(Actions.quick(Actions.postback("報告し直す", StaffPostback.report(notice.obligationId()))))
			.build();
	}
}
