package mesoscreen;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The screening tests again, against the packaged application as it is shipped. */
@QuarkusIntegrationTest
class ScreeningResourceIT extends ScreeningResourceTest {
}
