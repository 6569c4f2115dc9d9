package jp.shisakunavi.staff;

import java.util.List;

/**
 * What publishing a round's approved reports did.
 *
 * @param published the obligations now published
 * @param ratingChanges rating changes the published reports made (citizens following the units are told); a
 *        publication repeated after a crash gets the intake's first answer, so it counts them again without
 *        recording them twice
 * @param refused obligations the intake refused, with its reason (they stay approved)
 */
public record Publication(List<Obligation> published, long ratingChanges, List<Refusal> refused) {

	public Publication {
		published = List.copyOf(published);
		refused = List.copyOf(refused);
	}

	public record Refusal(String obligationId, String unitTitle, String reason) {
	}
}
