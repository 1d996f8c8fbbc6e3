package dev.azimuth.index.kernel;

import dev.azimuth.common.AzimuthException;
import dev.azimuth.common.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the kernels once per JVM: SIMD when the Vector API module is present, scalar otherwise.
 *
 * <p>The Vector API is an incubator module, resolved only when the JVM starts with
 * {@code --add-modules jdk.incubator.vector}. Without it {@link #get()} returns the scalar
 * kernels and logs one warning. All methods are thread-safe.
 */
public final class Kernels {
  /** The module the SIMD kernels need in the boot layer. */
  public static final String VECTOR_MODULE = "jdk.incubator.vector";

  private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

  private Kernels() {}

  /** The fastest kernels this JVM can run; the same instance on every call. */
  public static VectorKernels get() {
    return Preferred.INSTANCE;
  }

  /** The plain-Java kernels, always available. */
  public static VectorKernels scalar() {
    return ScalarKernels.INSTANCE;
  }

  /**
   * The Vector API kernels.
   *
   * @throws AzimuthException with {@link ErrorCode#FEATURE_NOT_SUPPORTED} when the JVM was
   *     started without {@code --add-modules jdk.incubator.vector}
   */
  public static VectorKernels simd() {
    if (!vectorModulePresent()) {
      throw new AzimuthException(ErrorCode.FEATURE_NOT_SUPPORTED,
          "SIMD kernels need the " + VECTOR_MODULE + " module: start the JVM with"
              + " --add-modules " + VECTOR_MODULE);
    }
    return SimdHolder.INSTANCE;
  }

  /** Whether {@code jdk.incubator.vector} is in the boot layer, so that {@link #simd()} works. */
  public static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  private static VectorKernels choose() {
    if (!vectorModulePresent()) {
      LOG.warn("The {} module is not loaded, so vector distances run on slower scalar code;"
          + " add --add-modules {} to the java command line", VECTOR_MODULE, VECTOR_MODULE);
      return ScalarKernels.INSTANCE;
    }
    if (!SimdHolder.worthwhile()) {
      LOG.warn("This platform's widest float vector is under 128 bits, so vector distances run"
          + " on scalar code");
      return ScalarKernels.INSTANCE;
    }
    return SimdHolder.INSTANCE;
  }

  /** Holds the choice, so it is made once, on first use, without locking. */
  private static final class Preferred {
    static final VectorKernels INSTANCE = choose();
  }

  /**
   * The only path to {@link SimdKernels}: the JVM loads a class on first use, so this holder
   * (and with it the Vector API) is touched only after the module check has passed.
   */
  private static final class SimdHolder {
    static final VectorKernels INSTANCE = SimdKernels.INSTANCE;

    static boolean worthwhile() {
      return SimdKernels.worthwhile();
    }
  }
}
