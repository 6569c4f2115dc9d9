package reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.FlexText;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PostbackAction;

import jp.shisakunavi.delivery.DailyCap;
import jp.shisakunavi.delivery.DeliveryClient;
import jp.shisakunavi.delivery.DeliveryOrder;
import jp.shisakunavi.delivery.Recipient;
import jp.shisakunavi.delivery.SendWindow;
import jp.shisakunavi.users.LineUserId;

/**
 * A second client of delivery, shaped like the staff reminders to come: one message per staff member, naming what
 * they owe, with a button to report; its own send window (office hours that a test opens and closes); its own
 * daily counter with at most one reminder per person and day. Outside {@code jp.shisakunavi}, so that only the
 * tests that ask for it ({@code @SpringBootTest(classes = …)}, {@link RemindersApplication}) have it.
 */
@Configuration(proxyBeanMethods = false)
public class Reminders {

	public static final String KIND = "TEST-REMINDER";
	public static final String WINDOW = "test-office-hours";
	public static final String COUNTER = "test-staff";

	@Bean
	OfficeHours testOfficeHours() {
		return new OfficeHours();
	}

	@Bean
	ReminderClient testReminderClient() {
		return new ReminderClient();
	}

	/** One reminder to each staff member of a round, with what they owe. */
	public record Wave(String round, List<String> staff, int owed) {
	}

	public static DeliveryOrder order(String id, Wave wave) {
		return DeliveryOrder.of(id, KIND, wave, WINDOW).withCap(DailyCap.atMost(COUNTER, 1));
	}

	/** The text each staff member gets. */
	public static String text(String round, LineUserId staff, int owed) {
		return round + "：" + staff.value().substring(0, 9) + "さんの課の未提出は" + owed + "件です。";
	}

	/** Office hours a test opens and closes. */
	public static class OfficeHours implements SendWindow {

		private final AtomicBoolean open = new AtomicBoolean(true);

		public void open(boolean open) {
			this.open.set(open);
		}

		@Override
		public String name() {
			return WINDOW;
		}

		@Override
		public boolean isOpen(Instant at) {
			return open.get();
		}

		@Override
		public LocalDate sendingDay(Instant at) {
			return LocalDate.ofInstant(at, TOKYO);
		}
	}

	public static class ReminderClient implements DeliveryClient<Wave> {

		/** Staff members not reminded because they had their reminder of the day. */
		public final List<String> held = new CopyOnWriteArrayList<>();

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public Class<Wave> parameterType() {
			return Wave.class;
		}

		@Override
		public Stream<Recipient> recipients(Wave wave, LineUserId after) {
			return wave.staff().stream().sorted().filter(s -> s.compareTo(after.value()) > 0)
				.map(s -> new Recipient(LineUserId.of(s), s));
		}

		/** Each staff member's own message: the group is the staff member. */
		@Override
		public List<Message> render(Wave wave, String staff) {
			String text = text(wave.round(), LineUserId.of(staff), wave.owed());
			FlexBubble card = new FlexBubble.Builder()
				.body(new FlexBox.Builder(FlexBox.Layout.VERTICAL, List.of(new FlexText.Builder().text(text).wrap(true).build()))
					.build())
				.footer(new FlexBox.Builder(FlexBox.Layout.VERTICAL, List.of(new FlexButton.Builder(
						new PostbackAction.Builder().label("報告する").data("a=report&r=" + wave.round()).build()).build()))
					.build())
				.build();
			return List.of(new FlexMessage(text, card));
		}

		@Override
		public void held(Wave wave, LocalDate day, List<Recipient> over) {
			over.forEach(r -> held.add(r.userId().value()));
		}

		@Override
		public long estimatedRecipients(Wave wave) {
			return wave.staff().size();
		}
	}
}
