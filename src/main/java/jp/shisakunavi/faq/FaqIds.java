package jp.shisakunavi.faq;

import java.security.SecureRandom;
import java.util.Locale;

import org.springframework.stereotype.Component;

import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;

/**
 * Ids of entries created in the console: the city's folder as the built-in files use it (the plan id without its
 * number: {@code tajimi-4} → {@code tajimi}; {@code common} for entries of every city) and a random name, e.g.
 * {@code tajimi/faq-k3v9q2xm}. An export writes the entry as {@code faq/tajimi/faq-k3v9q2xm.yaml}.
 */
@Component
class FaqIds {

	private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
	private static final int LENGTH = 8;

	private final PlanCatalog catalog;
	private final SecureRandom random = new SecureRandom();

	FaqIds(PlanCatalog catalog) {
		this.catalog = catalog;
	}

	String next(String municipality) {
		return folder(municipality) + "/faq-" + name();
	}

	private String folder(String municipality) {
		if (municipality == null) {
			return "common";
		}
		return catalog.plans().stream()
			.filter(p -> p.municipality().equals(municipality))
			.map(Plan::id)
			.map(id -> id.replaceFirst("-[0-9]+$", "").toLowerCase(Locale.ROOT))
			.findFirst()
			.orElse("city");
	}

	private String name() {
		StringBuilder name = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
		}
		return name.toString();
	}
}
