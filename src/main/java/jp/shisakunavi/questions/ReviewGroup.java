package jp.shisakunavi.questions;

import java.time.Instant;
import java.util.List;

/**
 * Questions of one city that mean the same thing, as one row of the review queue.
 *
 * @param key the id of its oldest question: stable while the group grows, used in the page's anchors
 * @param text the wording asked most often
 * @param examples the distinct wordings, most often asked first
 * @param terms the content words most of its questions share
 * @param askers how many distinct people asked (by pseudonymous key)
 * @param ids every question of the group, for the actions
 * @param review what was done about it, null while nothing was
 * @param faqCandidates FAQ entries the search offered for these questions, most often first; {@code unitCandidates}
 *        the measures and items it offered
 */
record ReviewGroup(String key, String municipality, String text, List<String> examples, List<String> terms,
		int count, int askers, int notAnswered, int askedBack, int notHelpful, Instant latest, List<String> ids,
		Review review, List<LoggedQuestion.Candidate> faqCandidates, List<LoggedQuestion.Candidate> unitCandidates) {

	ReviewGroup {
		examples = List.copyOf(examples);
		terms = List.copyOf(terms);
		ids = List.copyOf(ids);
		faqCandidates = List.copyOf(faqCandidates);
		unitCandidates = List.copyOf(unitCandidates);
	}
}
