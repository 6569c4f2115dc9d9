package jp.shisakunavi.plan;

import java.util.List;
import java.util.Optional;

/** The legend of a plan: which rating symbols it uses, in the order it prints them, and what each means. */
public record RatingScheme(List<RatingSymbol> symbols) {

	public RatingScheme {
		symbols = symbols == null ? List.of() : List.copyOf(symbols);
	}

	public Optional<RatingSymbol> find(String symbol) {
		return symbols.stream().filter(s -> s.symbol().equals(symbol)).findFirst();
	}

	public boolean isEmpty() {
		return symbols.isEmpty();
	}
}
