package jp.shisakunavi.plan;

/** An idempotency key that names an earlier request with other content: the new one is not taken. */
public class ReusedIdempotencyKey extends RuntimeException {

	public ReusedIdempotencyKey(String key) {
		super("Idempotency-Key「" + key + "」は、内容の違う別の依頼に使われています。新しい依頼には新しいキーを付けてください");
	}
}
