package io.podlens.alert;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An alert as a client creates or replaces it.
 *
 * @param name what the alert is for, shown in every event
 * @param topics ids of topics whose mentions fire the alert (a topic's descendants count
 * for it); with {@code query}, either fires it
 * @param query a search in the syntax of {@code GET /api/search} run on each new episode
 * @param soundsLike whether the query also matches misheard and homophone spellings
 * @param podcast only episodes of this podcast (exact name)
 * @param language only episodes in this language: a tag as stored ({@code zh-Hant}) or
 * its primary subtag ({@code zh})
 * @param webhookUrl where events are POSTed: http or https, to a public address
 * @param secret the key of the HMAC-SHA256 signature of each event, 16 to 500 characters;
 * when replacing an alert, leaving it out keeps the stored one
 * @param backfill whether episodes stored before the alert was created are matched too
 * (once, at creation, and at each re-analysis); otherwise only newer episodes fire it
 */
public record AlertRequest(@Schema(example = "Reasoning models") @Nullable String name,
		@Schema(example = "[\"deepseek-r1\", \"openai\"]") @Nullable List<String> topics,
		@Schema(example = "\"reasoning model\" OR 推理模型") @Nullable String query,
		@Schema(example = "false") @Nullable Boolean soundsLike, @Schema(example = "科技浪") @Nullable String podcast,
		@Schema(example = "zh") @Nullable String language,
		@Schema(example = "https://hooks.example.com/podlens") @Nullable String webhookUrl,
		@Schema(example = "whsec_2c7b3e0b9f4d4a8e8a41") @Nullable String secret,
		@Schema(example = "false") @Nullable Boolean backfill) {
}
