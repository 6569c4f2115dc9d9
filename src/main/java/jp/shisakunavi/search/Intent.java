package jp.shisakunavi.search;

/** What a question asks for. */
public enum Intent {
	/** How is measure X going? (進捗, 評価, どうなった) */
	STATUS,
	/** When does/did X start? (いつ, いつから) */
	SCHEDULE,
	/** What is X? (〜とは, 〜って何) */
	DEFINITION,
	/** Which measures have rating C / belong to department Y / pillar Z? */
	LIST,
	/** What does rating symbol C mean? */
	RATING_MEANING,
	GREETING,
	THANKS,
	HELP,
	/** Weather, restaurants, noise: nothing the plans or the FAQ answer. */
	OUT_OF_SCOPE
}
