package dev.azimuth.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.security.AbstractLoginService;
import org.eclipse.jetty.util.security.Credential;

/**
 * Checks HTTP Basic credentials against the users file. PBKDF2 is deliberately slow and Basic
 * authentication sends the password with every request, so a password that verified once is
 * remembered as a keyed digest (HMAC-SHA256 under a random per-process key, never the password
 * itself) and later requests compare digests. A wrong password always pays the full hash, and
 * so does an unknown user (against a decoy), so neither is cheaper to probe. Thread-safe.
 */
public final class UsersLoginService extends AbstractLoginService {
  /** Role names; every authenticated user may connect, the role decides what they may run. */
  public static final String READ_WRITE_ROLE = "read-write";
  public static final String READ_ONLY_ROLE = "read-only";

  private final Map<String, User> users;
  private final byte[] cacheKey = new byte[32];
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
  private final PasswordHash decoy;

  public UsersLoginService(Map<String, User> users) {
    this.users = Map.copyOf(users);
    new SecureRandom().nextBytes(cacheKey);
    int iterations = users.values().stream().mapToInt(u -> u.password().iterations()).max()
        .orElse(PasswordHash.DEFAULT_ITERATIONS);
    this.decoy = PasswordHash.of(new char[] {'x'}, iterations);
    setName("Azimuth");
  }

  /** Whether the named user may only read. */
  public boolean readOnly(String name) {
    User u = users.get(name);
    return u == null || u.readOnly();
  }

  @Override protected String[] loadRoleInfo(UserPrincipal user) {
    return new String[] {readOnly(user.getName()) ? READ_ONLY_ROLE : READ_WRITE_ROLE};
  }

  @Override protected UserPrincipal loadUserInfo(String username) {
    User user = users.get(username);
    return new UserPrincipal(username, new HashCredential(username,
        user == null ? decoy : user.password(), user != null));
  }

  private byte[] digest(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always provides HmacSHA256", e);
    }
  }

  /** One user's stored hash, as Jetty checks credentials against it. */
  private final class HashCredential extends Credential {
    private final String user;
    private final transient PasswordHash hash;
    private final boolean known;

    HashCredential(String user, PasswordHash hash, boolean known) {
      this.user = user;
      this.hash = hash;
      this.known = known;
    }

    @Override public boolean check(Object credentials) {
      if (!(credentials instanceof String password) || hash == null) {
        return false;
      }
      byte[] digest = digest(user, password);
      byte[] remembered = verified.get(user);
      if (known && remembered != null && MessageDigest.isEqual(remembered, digest)) {
        return true;
      }
      boolean ok = hash.matches(password.toCharArray()) && known;
      if (ok) {
        verified.put(user, digest);
      }
      return ok;
    }
  }
}
