package jp.shisakunavi.admin;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jp.shisakunavi.system.EmbeddedMongo;

/**
 * A consistent backup of the embedded database while the service runs:
 * {@code curl -H "Authorization: Bearer …" -X POST -o backup.mv.db http://…/admin/api/backup}; restored with
 * {@code --shisaku.restore-from=backup.mv.db} at the next start.
 */
@RestController
class BackupController {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final EmbeddedMongo database;

	BackupController(EmbeddedMongo database) {
		this.database = database;
	}

	@PostMapping("/admin/api/backup")
	ResponseEntity<StreamingResponseBody> backup() {
		if (!database.running()) {
			throw new IllegalStateException(
					"The service uses an external MongoDB (MONGODB_URI): back that up with mongodump or its snapshots");
		}
		String name = "shisakunavi-" + LocalDateTime.now().format(STAMP) + ".mv.db";
		StreamingResponseBody body = database::backup;
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(body);
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail noEmbeddedDatabase(IllegalStateException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}
}
