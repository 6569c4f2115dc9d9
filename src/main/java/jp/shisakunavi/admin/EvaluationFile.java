package jp.shisakunavi.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jp.shisakunavi.plan.EvaluationIntake;
import jp.shisakunavi.plan.EvaluationRow;

/** An uploaded file of evaluations: a CSV or Excel sheet ({@link SpreadsheetUpload}) with the evaluation columns. */
public final class EvaluationFile {

	private EvaluationFile() {
	}

	public static List<EvaluationRow> read(String filename, InputStream upload) throws IOException {
		return EvaluationTable.rows(SpreadsheetUpload.read(filename, upload, EvaluationIntake.MAX_ROWS));
	}
}
