package jp.shisakunavi.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console page's request that cannot be done is answered with a page that says why (not the API's JSON):
 * a bad value or an unknown id (400), a change that crossed another one (409).
 */
@ControllerAdvice(annotations = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView invalid(IllegalArgumentException e) {
		return page(e.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView conflict(OptimisticLockingFailureException e) {
		return page(e.getMessage());
	}

	private static ModelAndView page(String reason) {
		ModelAndView page = new ModelAndView("console/denied");
		page.addObject("reason", reason);
		return page;
	}
}
