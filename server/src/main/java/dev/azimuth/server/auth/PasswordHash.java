package dev.azimuth.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow password hash: PBKDF2 with HMAC-SHA256 from the JDK, 600,000 iterations by
 * default (OWASP's 2023 advice for this function), a 16-byte random salt and a 32-byte result.
 * Written as {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} with Base64 salt and hash, so that the
 * iteration count can grow without invalidating stored entries. Immutable.
 *
 * @param iterations PBKDF2 rounds
 * @param salt       random bytes mixed into the hash
 * @param hash       the derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
  /** Rounds for new hashes: about 0.2–0.3 s on the development VM. */
  public static final int DEFAULT_ITERATIONS = 600_000;
  private static final String ALGORITHM = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  public PasswordHash {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive");
    }
    salt = salt.clone();
    hash = hash.clone();
  }

  /** Hashes a password with a fresh salt. */
  public static PasswordHash of(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /** Whether the password is the one hashed; takes as long as hashing it. */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always provides PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** The stored form. */
  public String encode() {
    Base64.Encoder b64 = Base64.getEncoder();
    return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
        + b64.encodeToString(hash);
  }

  /**
   * Reads the stored form.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static PasswordHash decode(String text) {
    String[] parts = text.split(":");
    if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
      throw new IllegalArgumentException("expected " + ALGORITHM + ":ITERATIONS:SALT:HASH");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      return new PasswordHash(Integer.parseInt(parts[1]), b64.decode(parts[2]),
          b64.decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad iteration count or Base64: " + e.getMessage(), e);
    }
  }

  @Override public boolean equals(Object o) {
    return o instanceof PasswordHash p && iterations == p.iterations
        && MessageDigest.isEqual(salt, p.salt) && MessageDigest.isEqual(hash, p.hash);
  }

  @Override public int hashCode() {
    return Objects.hash(iterations, java.util.Arrays.hashCode(salt));
  }

  @Override public String toString() {
    return ALGORITHM + ":" + iterations + ":(hidden)";
  }
}
