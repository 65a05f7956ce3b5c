package org.connectathon.platform.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * Gives templates {@code #webAddresses}, so that a link to a stored address reads
 * {@code th:href="${#webAddresses.link(item.url)}"}. An expression object, not a bean
 * reference: Thymeleaf evaluates {@code th:href} in its restricted mode, which refuses
 * {@code @bean} calls.
 */
@Component
class WebAddressDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "webAddresses";

	private static final WebAddresses WEB_ADDRESSES = new WebAddresses();

	WebAddressDialect() {
		super("Web addresses");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return WEB_ADDRESSES;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
