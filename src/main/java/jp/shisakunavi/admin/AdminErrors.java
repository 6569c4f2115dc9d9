package jp.shisakunavi.admin;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jp.shisakunavi.plan.InvalidEvaluations;

/** Refusals of the admin API: 400 with the reason, and for evaluations every row's reasons under {@code errors}. */
// Before the general handler of IllegalArgumentException, which would drop the row reasons.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

	@ExceptionHandler(InvalidEvaluations.class)
	ProblemDetail invalidEvaluations(InvalidEvaluations e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadableJson(HttpMessageNotReadableException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"JSON として読めません。評価の行のリスト [{\"municipality\": …, \"measureId\": …, \"fiscalYear\": …, "
						+ "\"rating\": …}] を送ってください");
	}
}
