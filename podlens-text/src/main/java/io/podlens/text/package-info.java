/**
 * The text kernel: folding, Traditional to Simplified Chinese, pinyin, the Latin sound
 * key and edit distances, matching tokens, word segmentation and word lists. Plain Java,
 * no Spring.
 */
@NullMarked
package io.podlens.text;

import org.jspecify.annotations.NullMarked;
