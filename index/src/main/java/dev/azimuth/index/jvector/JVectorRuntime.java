package dev.azimuth.index.jvector;

import io.github.jbellis.jvector.vector.VectorizationProvider;

/**
 * Pins JVector's SIMD provider before JVector picks one, and reports which it picked.
 *
 * <p>JVector chooses its provider once, from the system property
 * {@value #PROVIDER_PROPERTY}, the first time any of its vector classes is used. On JDK 22+ its
 * default is a native (FFM) provider, which was slower on our machines than its pure-Java
 * Panama one (Panama gave 1.2–1.65× its search throughput), so this class asks for
 * {@code panama} unless the user chose. Every class in this package that touches JVector calls {@link #init()} first.
 *
 * <p>It also turns off JVector's management backend ({@value #MANAGEMENT_PROPERTY}) unless the
 * user chose one. Since 4.0 JVector registers a JMX bean on first use of its graph builder,
 * through which anyone with JMX access can change process-wide build settings (such as whether
 * the final graph is refined); our graphs are built with fixed settings recorded in their
 * options, so that switch stays off.
 * Thread-safe: the JVM runs the static initializer once.
 */
public final class JVectorRuntime {
  /** The system property JVector reads to choose its vectorization provider. */
  public static final String PROVIDER_PROPERTY = "jvector.vectorization_provider";
  /** The system property JVector reads to choose its management (JMX) backend. */
  public static final String MANAGEMENT_PROPERTY = "jvector.management.backend";

  static {
    // Forcing "panama" without the module makes JVector throw instead of falling back, so
    // without it we leave the choice (and its warning) to JVector.
    if (System.getProperty(PROVIDER_PROPERTY) == null
        && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      System.setProperty(PROVIDER_PROPERTY, "panama");
    }
    if (System.getProperty(MANAGEMENT_PROPERTY) == null) {
      System.setProperty(MANAGEMENT_PROPERTY, "none");
    }
  }

  private JVectorRuntime() {}

  /** Runs the static initializer; call before the first use of any JVector class. */
  static void init() {
    // The work is in the static initializer, which the JVM runs on the first call.
  }

  /**
   * The simple class name of the provider JVector chose, e.g.
   * {@code PanamaVectorizationProvider}; {@code DefaultVectorizationProvider} means plain Java.
   */
  public static String vectorizationProviderName() {
    return VectorizationProvider.getInstance().getClass().getSimpleName();
  }
}
