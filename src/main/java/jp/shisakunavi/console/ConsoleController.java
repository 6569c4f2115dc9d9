package jp.shisakunavi.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of console pages: its templates get what the layout needs (the signed-in account as {@code actor},
 * the navigation as {@code navigation}) and render with {@code th:replace="~{console/layout :: page(~{::title},
 * ~{::main})}"}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsoleController {
}
