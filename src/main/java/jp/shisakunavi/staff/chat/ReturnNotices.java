package jp.shisakunavi.staff.chat;

import java.util.List;
import java.util.stream.Stream;

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
import jp.shisakunavi.staff.ReportReturned;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;
import jp.shisakunavi.users.LineUserId;

/**
 * 差戻し in LINE: the staff member who last saved a returned report is told, with the reviewer's comment and a
 * button that opens the report again. A delivery of its own per return ({@code STAFF-RETURN:<obligation>:<version>}),
 * so that it is sent exactly once, also across a crash; sent at once (a reviewer returns reports in office hours);
 * nothing when the reporter is no longer active staff, or the report came from the web.
 */
@Component
class ReturnNotices implements DeliveryClient<ReturnNotices.ReturnNotice> {

	static final String KIND = "STAFF-RETURN";

	private final Deliveries deliveries;
	private final StaffMembers members;

	ReturnNotices(Deliveries deliveries, StaffMembers members) {
		this.deliveries = deliveries;
		this.members = members;
	}

	/** @param reporter the LINE user id the notice goes to */
	record ReturnNotice(String obligationId, long version, String reporter, String unitTitle, String comment) {
	}

	@EventListener
	void returned(ReportReturned returned) {
		if (returned.reporter() == null) {
			return;
		}
		deliveries.order(DeliveryOrder.of(KIND + ":" + returned.obligationId() + ":" + returned.version(), KIND,
				new ReturnNotice(returned.obligationId(), returned.version(), returned.reporter().value(),
						returned.unitTitle(), returned.comment()),
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
