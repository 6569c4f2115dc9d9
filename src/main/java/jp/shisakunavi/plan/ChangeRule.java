package jp.shisakunavi.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.shisakunavi.system.Sha256;

/**
 * What storing a rating means for the people who follow the unit: nothing new (the same rating is stored), a
 * rating without news (a first rating, or the same as the year before), or a change.
 */
final class ChangeRule {

	private ChangeRule() {
	}

	/**
	 * @param stored the unit's evaluations before
	 * @param incoming the evaluation to store
	 */
	static Outcome judge(List<Evaluation> stored, Evaluation incoming, RatingScheme scheme) {
		Optional<Evaluation> sameYear = stored.stream()
			.filter(e -> e.fiscalYear() == incoming.fiscalYear() && Objects.equals(e.department(), incoming.department()))
			.findFirst();
		if (sameYear.isPresent() && sameYear.get().rating().equals(incoming.rating())) {
			return new Outcome(true, null, null);
		}
		String old = sameYear.map(Evaluation::rating).orElseGet(() -> previousYear(stored, incoming));
		RatingState newState = state(scheme, incoming.rating());
		boolean ended = newState == RatingState.COMPLETED || newState == RatingState.ABOLISHED;
		// A measure without a rating is still being carried out, so finishing it is news even as its first rating.
		if (ended && (old == null || state(scheme, old) != newState)) {
			return new Outcome(false,
					newState == RatingState.COMPLETED ? RatingChange.Kind.COMPLETED : RatingChange.Kind.ABOLISHED, old);
		}
		if (sameYear.isPresent()) {
			return new Outcome(false, RatingChange.Kind.CORRECTION, old);
		}
		if (old != null && !old.equals(incoming.rating())) {
			return new Outcome(false, RatingChange.Kind.NEW_YEAR, old);
		}
		return new Outcome(false, null, old);
	}

	/**
	 * Deterministic for the same request (its change scope), unit, fiscal year and department: applying a request
	 * again finds its changes recorded, while the same transition in another request is a change of its own.
	 */
	static String changeId(String changeScope, String unitId, int fiscalYear, String department) {
		return Sha256.hex(String.join("\u0000", changeScope, unitId, Integer.toString(fiscalYear),
				String.valueOf(department))).substring(0, 32);
	}

	private static String previousYear(List<Evaluation> stored, Evaluation incoming) {
		return stored.stream()
			.filter(e -> e.fiscalYear() < incoming.fiscalYear() && Objects.equals(e.department(), incoming.department()))
			.max(Comparator.comparingInt(Evaluation::fiscalYear))
			.map(Evaluation::rating)
			.orElse(null);
	}

	private static RatingState state(RatingScheme scheme, String symbol) {
		return scheme.find(symbol).map(RatingSymbol::state).orElse(RatingState.ONGOING);
	}

	/**
	 * @param unchanged the rating is stored already: nothing to write
	 * @param kind the kind of change, null when storing it is no change
	 * @param oldRating the rating it replaces or follows, null for none
	 */
	record Outcome(boolean unchanged, RatingChange.Kind kind, String oldRating) {
	}
}
