package io.podlens.common;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to an RFC 9457 {@code application/problem+json} answer. Client
 * errors say what is wrong and where; anything unexpected is logged and answered with a
 * 500 that carries no internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final ObjectProvider<MultipartProperties> multipart;

	ProblemHandler(ObjectProvider<MultipartProperties> multipart) {
		this.multipart = multipart;
	}

	@ExceptionHandler(PodlensException.class)
	ResponseEntity<ProblemDetail> podlens(PodlensException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		if (ex instanceof UnavailableException unavailable) {
			return ResponseEntity.status(ex.status())
				.header("Retry-After", String.valueOf(unavailable.retryAfterSeconds()))
				.body(problem);
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? ReadableErrors.describe(ex.getRequiredType())
				: "a valid value";
		return podlens(InvalidInputException.forField(ex.getName(),
				"'" + abbreviate(String.valueOf(ex.getValue())) + "' is not " + expected));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		RequestTooLargeException tooLarge = tooLarge(ex);
		if (tooLarge != null) {
			return podlens(tooLarge);
		}
		log.error("Unexpected failure", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed to handle the request; the failure was logged.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex.getBindingResult().getFieldErrors().stream().map(ProblemHandler::describe).toList(),
				"The request body is invalid");
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.<String, Object>of("field", result.getMethodParameter().getParameterName(),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList(), "A request parameter is invalid");
	}

	/** A 400 listing every invalid field; with a single one, {@code field} names it. */
	private static ResponseEntity<Object> invalid(List<Map<String, Object>> errors, String fallback) {
		String detail = errors.stream()
			.map((e) -> e.get("field") + ": " + e.get("message"))
			.reduce((x, y) -> x + "; " + y)
			.orElse(fallback);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		if (errors.size() == 1) {
			problem.setProperty("field", errors.get(0).get("field"));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestTooLargeException tooLarge = tooLarge(ex);
		if (tooLarge != null) {
			return ResponseEntity.status(tooLarge.status()).body(podlens(tooLarge).getBody());
		}
		ReadableErrors.JsonProblem json = ReadableErrors.json(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, json.detail());
		problem.setTitle(json.field().isEmpty() ? "Unreadable request body" : "Invalid request");
		if (!json.field().isEmpty()) {
			problem.setProperty("field", json.field());
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Tomcat reports -1 as the limit; name the configured one instead.
		boolean oneFile = causedBy(ex, "FileSizeLimitExceeded");
		String setting = oneFile ? "spring.servlet.multipart.max-file-size"
				: "spring.servlet.multipart.max-request-size";
		MultipartProperties multipart = this.multipart.getIfAvailable(MultipartProperties::new);
		long limit = oneFile ? multipart.getMaxFileSize().toBytes() : multipart.getMaxRequestSize().toBytes();
		if (limit < 0 && ex.getMaxUploadSize() > 0) {
			limit = ex.getMaxUploadSize();
		}
		String what = oneFile ? "The uploaded file is larger than the limit of "
				: "The upload request is larger than the limit of ";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				what + ((limit >= 0) ? Sizes.describe(limit) : "the server") + " (" + setting + ")");
		problem.setTitle("Upload too large");
		if (limit >= 0) {
			problem.setProperty("limitBytes", limit);
		}
		problem.setProperty("setting", setting);
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}

	private static boolean causedBy(Throwable ex, String simpleNamePart) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause.getClass().getSimpleName().contains(simpleNamePart)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable RequestTooLargeException tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof RequestTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

	private static Map<String, Object> describe(FieldError error) {
		return Map.of("field", error.getField(), "message", ReadableErrors.binding(error));
	}

	private static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

}
