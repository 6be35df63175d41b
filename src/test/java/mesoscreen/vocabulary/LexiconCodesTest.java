package mesoscreen.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Codes, prefixes and ranges, as {@link Lexicon#byCode} reads them: ranges across first letters, a bare "*". */
class LexiconCodesTest {
    private static Lexicon lexicon() {
        Lexicon.Builder builder = Lexicon.builder(new TextNormalizer(Set.of()));
        builder.addCode("neoplasm", "icd-10", "C00-D49");
        builder.addCode("diabetes", "icd-10", "E1*");
        builder.addCode("diabetes", "icd-10", "E11.9");
        builder.addCode("bleeding", "icd-10", "D66");
        builder.addCode("platelets", "icd-10", "D66");
        builder.addCode("breast", "icd-10", "C50.9");
        builder.addCode("anything", "other", "*");
        builder.addCode("zed", "other", "Z9*");
        return builder.build();
    }

    @Test
    void aCodeIsReadByItselfItsPrefixesAndItsRanges() {
        Lexicon lexicon = lexicon();
        assertEquals(List.of("breast", "neoplasm"), List.copyOf(lexicon.byCode("icd-10", "c50.9")));
        assertEquals(List.of("neoplasm"), List.copyOf(lexicon.byCode("icd-10", "C50.1")));
        assertEquals(List.of("neoplasm"), List.copyOf(lexicon.byCode("icd-10", "D49")));
        assertEquals(List.of("bleeding", "platelets"), List.copyOf(lexicon.byCode("icd-10", " d66 ")));
        assertEquals(List.of(), List.copyOf(lexicon.byCode("icd-10", "D50")));
        assertEquals(List.of(), List.copyOf(lexicon.byCode("icd-10", "B99")));
        assertEquals(List.of(), List.copyOf(lexicon.byCode("icd-10", "C")));
        assertEquals(List.of("diabetes"), List.copyOf(lexicon.byCode("icd-10", "E11.9")));
        assertEquals(List.of("diabetes"), List.copyOf(lexicon.byCode("icd-10", "E10")));
        assertEquals(List.of(), List.copyOf(lexicon.byCode("icd-10", "")));
        assertEquals(List.of(), List.copyOf(lexicon.byCode("atc", "C00")));
        assertEquals(List.of("anything"), List.copyOf(lexicon.byCode("other", "")));
        assertEquals(List.of("anything", "zed"), List.copyOf(lexicon.byCode("other", "Z99")));
    }
}
