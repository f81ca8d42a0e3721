package io.podlens.episode;

import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.common.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.springframework.stereotype.Component;

/** {@link EpisodeImports} on the episode service. */
@Component
class EpisodeImporter implements EpisodeImports {

	private final Validator validator;

	private final EpisodeService episodes;

	EpisodeImporter(ValidatorFactory validators, EpisodeService episodes) {
		// Requests are not entities: the default resolver asks JPA whether every field of
		// every segment is loaded, a fifth of the validation time of a bulk import.
		this.validator = validators.usingContext().traversableResolver(new Everything()).getValidator();
		this.episodes = episodes;
	}

	@Override
	public ValidatedEpisode validate(NewEpisodeRequest request) {
		if (request == null) {
			throw new InvalidInputException("Invalid request", "the line holds no episode object");
		}
		Set<ConstraintViolation<NewEpisodeRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			throw invalid(violations);
		}
		ValidatedEpisode episode = new ValidatedEpisode(EpisodeRequests.fields(request),
				EpisodeRequests.segments(request));
		this.episodes.checkSegments(episode.segments());
		return episode;
	}

	@Override
	public List<EpisodeView> storeAll(List<ValidatedEpisode> episodes) {
		return episodes.isEmpty() ? List.of() : this.episodes.createAll(episodes);
	}

	/** Same wording as the 400 of {@code POST /api/episodes}: "field: message; ...". */
	private static InvalidInputException invalid(Set<ConstraintViolation<NewEpisodeRequest>> violations) {
		List<ConstraintViolation<NewEpisodeRequest>> sorted = violations.stream()
			.sorted(Comparator.comparing((ConstraintViolation<NewEpisodeRequest> v) -> v.getPropertyPath().toString()))
			.toList();
		String detail = sorted.stream()
			.map((v) -> v.getPropertyPath() + ": " + v.getMessage())
			.reduce((a, b) -> a + "; " + b)
			.orElseThrow();
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("field", sorted.get(0).getPropertyPath().toString());
		return new InvalidInputException("Invalid request", detail, where);
	}

	/** Every property is validated and cascaded into, as without JPA. */
	private static final class Everything implements TraversableResolver {

		@Override
		public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
			return true;
		}

		@Override
		public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
			return true;
		}

	}

}
