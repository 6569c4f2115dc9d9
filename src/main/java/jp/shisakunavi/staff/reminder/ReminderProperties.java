package jp.shisakunavi.staff.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How staff are reminded (see .env.example).
 *
 * @param officeHours local times (Asia/Tokyo) of business days in which reminders go out, {@code 08:30-17:15}
 */
@ConfigurationProperties("shisaku.reminders")
record ReminderProperties(String officeHours) {

	ReminderProperties {
		officeHours = officeHours == null ? "08:30-17:15" : officeHours.trim();
	}
}
