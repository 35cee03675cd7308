package org.opencpis.hl7.handler;

/**
 * A message received before under the same MSH-3, MSH-4 and MSH-10, and the answer it was given.
 *
 * @param digest its {@link ContentDigest}; null for a message kept before digests were
 * @param message its text, when it was kept (null: too large to keep)
 */
public record Previous(String digest, String message, String answer) {}
