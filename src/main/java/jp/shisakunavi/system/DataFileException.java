package jp.shisakunavi.system;

/** A data file that cannot be used, with where and why, so that whoever edits it can fix it. */
public class DataFileException extends RuntimeException {

	private final String file;
	private final int line;
	private final String reason;

	public DataFileException(String file, int line, String reason) {
		super(file + (line > 0 ? ":" + line : "") + ": " + reason);
		this.file = file;
		this.line = line;
		this.reason = reason;
	}

	public String file() {
		return file;
	}

	/** 1-based line, or 0 when the problem concerns the whole file. */
	public int line() {
		return line;
	}

	public String reason() {
		return reason;
	}
}
