package jp.shisakunavi.faq;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The entry changed after the editor opened it: the change is refused, and the console shows what the entry says
 * now beside what the editor wanted to save.
 *
 * @see FaqEditor
 */
public class FaqEditConflict extends OptimisticLockingFailureException {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 H:mm").withZone(ZoneId.of("Asia/Tokyo"));

	private final transient FaqRecord current;
	private final long seenVersion;

	FaqEditConflict(FaqRecord current, long seenVersion) {
		super("この FAQ は、開いた後に " + current.updatedBy() + " さんが変更しました（" + TIME.format(current.updatedAt())
				+ "、" + current.change().label() + "）。保存しようとした内容と今の内容を見比べて、もう一度保存してください");
		this.current = current;
		this.seenVersion = seenVersion;
	}

	/** The entry as it is now. */
	public FaqRecord current() {
		return current;
	}

	/** The version the editor saw. */
	public long seenVersion() {
		return seenVersion;
	}
}
