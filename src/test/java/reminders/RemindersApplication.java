package reminders;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.shisakunavi.ShisakuNaviApplication;
import jp.shisakunavi.delivery.Deliveries;

/**
 * The whole service with the test reminders, for tests that run it as a process of its own; every instance
 * orders the same wave at start (to {@code --reminders.staff} staff members), which only the first order makes.
 */
@Configuration(proxyBeanMethods = false)
public class RemindersApplication {

	public static final String WAVE = "test-reminder-wave-1";

	public static void main(String[] args) {
		SpringApplication.run(new Class<?>[] { ShisakuNaviApplication.class, Reminders.class, RemindersApplication.class },
				args);
	}

	public static List<String> staff(int count) {
		return IntStream.range(0, count).mapToObj(i -> String.format("U%032x", i)).toList();
	}

	@Bean
	ApplicationRunner orderWave(Deliveries deliveries, org.springframework.core.env.Environment environment) {
		int staff = environment.getProperty("reminders.staff", Integer.class, 0);
		return args -> {
			if (staff > 0) {
				deliveries.order(Reminders.order(WAVE, new Reminders.Wave("R6年度第1回", staff(staff), 3)));
			}
		};
	}
}
