package mesoscreen;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The rejections again, against the packaged application: problems raised before our code runs too. */
@QuarkusIntegrationTest
class RejectionIT extends RejectionTest {
}
