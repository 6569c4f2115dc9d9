package jp.shisakunavi.faq;

import java.util.List;
import java.util.stream.Collectors;

/** A draft that cannot be stored: every problem, in Japanese; nothing was written. */
public class InvalidFaq extends IllegalArgumentException {

	private final transient List<FaqProblem> problems;

	public InvalidFaq(List<FaqProblem> problems) {
		super(problems.stream().map(FaqProblem::reason).collect(Collectors.joining("。", "", "。")).replace("。。", "。"));
		this.problems = List.copyOf(problems);
	}

	public List<FaqProblem> problems() {
		return problems;
	}
}
